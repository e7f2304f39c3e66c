using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>A channel the patient has written from in a thread: when last, and whether they still accept messages there.</summary>
/// <param name="Blocked">LINE: the patient unfollowed (blocked) the clinic's account.</param>
public sealed record ReplyChannelState(ChannelKind Channel, DateTimeOffset LastInboundAt, bool Blocked);

/// <summary>How a person may reply on a channel now.</summary>
public enum ReplyMode
{
    /// <summary>Any text: the channel's window is open (or it has none).</summary>
    FreeForm,
    /// <summary>Messenger after 24 hours and within 7 days: a person's reply, sent with the HUMAN_AGENT tag.</summary>
    HumanAgentTag,
    /// <summary>WhatsApp after 24 hours: an approved template only.</summary>
    TemplatesOnly,
    /// <summary>Nothing can be delivered: why is in the option's explanation.</summary>
    Unavailable,
}

public sealed record ReplyChannelOption(ChannelKind Channel, DateTimeOffset LastInboundAt, ReplyMode Mode, string Explanation)
{
    public bool CanWrite => Mode is ReplyMode.FreeForm or ReplyMode.HumanAgentTag;
}

/// <summary>
/// Which channels a unified thread (one patient on several apps) can be answered on, and which one by default: the
/// channel of the latest patient message whose window is open; failing that the latest one a person may still use;
/// failing that the latest one (its explanation says what is possible).
/// </summary>
public static class ReplyChannels
{
    public static IReadOnlyList<ReplyChannelOption> Options(IEnumerable<ReplyChannelState> states, DateTimeOffset now) =>
        states.OrderByDescending(s => s.LastInboundAt).Select(s => Option(s, now)).ToList();

    public static ReplyChannelOption? Default(IReadOnlyList<ReplyChannelOption> options) =>
        options.FirstOrDefault(o => o.Mode == ReplyMode.FreeForm)
        ?? options.FirstOrDefault(o => o.Mode == ReplyMode.HumanAgentTag)
        ?? options.FirstOrDefault(o => o.Mode == ReplyMode.TemplatesOnly)
        ?? options.FirstOrDefault();

    private static ReplyChannelOption Option(ReplyChannelState state, DateTimeOffset now)
    {
        var (channel, last) = (state.Channel, state.LastInboundAt);
        var name = ChannelNames.Display(channel);
        if (state.Blocked)
            return new(channel, last, ReplyMode.Unavailable, $"Unavailable on {name}: the patient blocked the clinic's account. Nothing is delivered until they add it again.");
        if (MessagingWindow.IsOpen(channel, last, now))
            return new(channel, last, ReplyMode.FreeForm, MessagingWindow.ClosesAt(channel, last) is { } closes
                ? $"Reply on {name} · window open until {closes:u}"
                : $"Reply on {name}");
        if (MessagingWindow.HumanAgentTagAllowed(channel, last, now))
            return new(channel, last, ReplyMode.HumanAgentTag, $"Reply on {name} as a person (human-agent reply) · allowed until {MessagingWindow.HumanAgentTagClosesAt(channel, last):u}");
        if (channel == ChannelKind.WhatsApp)
            return new(channel, last, ReplyMode.TemplatesOnly, "Window closed on WhatsApp — only an approved template can go");
        return new(channel, last, ReplyMode.Unavailable, $"Window closed on {name} — the patient must write first");
    }
}
