using Inbox.Core.Channels;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;

namespace Inbox.Core.Csat;

/// <summary>How the survey due at a resolution goes: on which channel, with native choices or as the inbox's template, or why not at all.</summary>
/// <param name="Channel">The channel it goes on (null when not sent).</param>
/// <param name="TemplateName">Set when WhatsApp's window had closed and the inbox's approved template carries it.</param>
public sealed record SurveyPlan(SurveyOutcome Outcome, ChannelKind? Channel = null, string? TemplateName = null)
{
    public bool Sends => Outcome == SurveyOutcome.Sent;
}

/// <summary>
/// Whether and how to send the satisfaction survey, from the thread's channel situation (<see cref="ReplyChannels"/>) and
/// the patient's consent. Pure: the caller reads the states, the newest consent line and whether the template exists.
/// </summary>
public static class SurveyDecision
{
    /// <param name="consent">The newest line of the patient's consent ledger (Unknown when none).</param>
    /// <param name="approvedTemplate">The inbox's survey template when it is set and approved (active) for the thread's WhatsApp number; else null.</param>
    public static SurveyPlan Decide(IEnumerable<ReplyChannelState> channels, ConsentState consent, string? approvedTemplate, DateTimeOffset now)
    {
        if (consent == ConsentState.OptedOut) return new SurveyPlan(SurveyOutcome.NotSentOptedOut);
        var options = ReplyChannels.Options(channels, now);
        // An open window (or LINE, which has none, while the patient still follows us): native choices, newest first.
        if (options.FirstOrDefault(o => o.Mode == ReplyMode.FreeForm) is { } open)
            return new SurveyPlan(SurveyOutcome.Sent, open.Channel);
        // Messenger's human-agent tag is for a person's reply, never for an automated survey: HumanAgentTag counts as closed.
        if (approvedTemplate is not null && options.Any(o => o.Mode == ReplyMode.TemplatesOnly))
            return new SurveyPlan(SurveyOutcome.Sent, ChannelKind.WhatsApp, approvedTemplate);
        return new SurveyPlan(SurveyOutcome.NotSentWindowClosed);
    }
}
