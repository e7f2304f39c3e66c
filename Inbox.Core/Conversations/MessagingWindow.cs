using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>The platforms' rule on when a free-form reply may be sent (WhatsApp, Messenger: 24 h after the patient's last message).</summary>
public static class MessagingWindow
{
    /// <summary>
    /// When the window on <paramref name="channel"/> closes: null when the channel has no window (always open),
    /// <see cref="DateTimeOffset.MinValue"/> when the patient never wrote on it (never open).
    /// </summary>
    public static DateTimeOffset? ClosesAt(ChannelKind channel, DateTimeOffset? lastInboundAt)
    {
        if (ChannelCapabilities.For(channel).ServiceWindow is not { } window) return null;
        return lastInboundAt is { } last ? last + window : DateTimeOffset.MinValue;
    }

    public static bool IsOpen(ChannelKind channel, DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        ClosesAt(channel, lastInboundAt) is not { } closes || now < closes;

    /// <summary>Messenger's HUMAN_AGENT tag: "Messages can be sent within 7 days after a user message", by a person only.</summary>
    public static readonly TimeSpan HumanAgentTagWindow = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a reply written by a person may still go out with Messenger's HUMAN_AGENT tag: on Messenger, within
    /// 7 days of the patient's last message. False on other channels, and when the patient never wrote. Inside the
    /// 24-hour window no tag is needed (<see cref="IsOpen"/>); automated messages may never use the tag.
    /// </summary>
    public static bool HumanAgentTagAllowed(ChannelKind channel, DateTimeOffset? lastInboundAt, DateTimeOffset now) =>
        channel == ChannelKind.Messenger && lastInboundAt is { } last && now < last + HumanAgentTagWindow;

    /// <summary>When a person's tagged reply stops being allowed; null on channels without the tag.</summary>
    public static DateTimeOffset? HumanAgentTagClosesAt(ChannelKind channel, DateTimeOffset? lastInboundAt) =>
        channel != ChannelKind.Messenger ? null : lastInboundAt is { } last ? last + HumanAgentTagWindow : DateTimeOffset.MinValue;
}
