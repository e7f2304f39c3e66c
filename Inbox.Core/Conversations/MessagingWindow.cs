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
}
