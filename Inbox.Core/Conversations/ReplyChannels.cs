using System.Globalization;
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
    /// <summary>Nothing can be delivered: the window closed, or the patient blocked the account.</summary>
    Unavailable,
}

/// <param name="Until">When the current mode ends (the window, or the human-agent allowance); null when it does not.</param>
public sealed record ReplyChannelOption(ChannelKind Channel, DateTimeOffset LastInboundAt, ReplyMode Mode, DateTimeOffset? Until, bool Blocked)
{
    public bool CanWrite => Mode is ReplyMode.FreeForm or ReplyMode.HumanAgentTag;

    /// <summary>The words staff read, with times as ISO text.</summary>
    public string Explanation => Explain(at => at.ToString("u", CultureInfo.InvariantCulture));

    /// <summary>The one wording of what is possible on this channel and why; <paramref name="time"/> formats the deadline.</summary>
    public string Explain(Func<DateTimeOffset, string> time)
    {
        var name = ChannelNames.Display(Channel);
        return Mode switch
        {
            ReplyMode.FreeForm when Until is { } closes => $"Reply on {name} · window open until {time(closes)}",
            ReplyMode.FreeForm => $"Reply on {name}",
            ReplyMode.HumanAgentTag => $"Reply on {name} as a person (human-agent reply) · allowed until {time(Until!.Value)}",
            ReplyMode.TemplatesOnly => "Window closed on WhatsApp — choose an approved template",
            _ when Blocked => $"Unavailable on {name}: the patient blocked the clinic's account. Nothing is delivered until they add it again.",
            _ => $"Window closed on {name} — the patient must write first",
        };
    }
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
        if (state.Blocked) return new(channel, last, ReplyMode.Unavailable, null, Blocked: true);
        if (MessagingWindow.IsOpen(channel, last, now)) return new(channel, last, ReplyMode.FreeForm, MessagingWindow.ClosesAt(channel, last), false);
        if (MessagingWindow.HumanAgentTagAllowed(channel, last, now))
            return new(channel, last, ReplyMode.HumanAgentTag, MessagingWindow.HumanAgentTagClosesAt(channel, last), false);
        return new(channel, last, channel == ChannelKind.WhatsApp ? ReplyMode.TemplatesOnly : ReplyMode.Unavailable, null, false);
    }
}
