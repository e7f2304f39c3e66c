using Inbox.Core.Channels;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;

namespace Inbox.Tests.Domain;

/// <summary>Whether the satisfaction survey goes at a resolution, on which channel, and how.</summary>
public sealed class SurveyDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static ReplyChannelState State(ChannelKind channel, double hoursAgo, bool blocked = false) => new(channel, Now.AddHours(-hoursAgo), blocked);

    [Fact]
    public void WhatsApp_with_an_open_window_gets_native_choices()
    {
        var plan = SurveyDecision.Decide([State(ChannelKind.WhatsApp, 2)], ConsentState.Accepted, "csat_survey", Now);

        Assert.Equal(new SurveyPlan(SurveyOutcome.Sent, ChannelKind.WhatsApp), plan);
    }

    [Fact]
    public void WhatsApp_with_a_closed_window_goes_as_the_inboxs_approved_template()
    {
        Assert.Equal(new SurveyPlan(SurveyOutcome.Sent, ChannelKind.WhatsApp, "csat_survey"),
            SurveyDecision.Decide([State(ChannelKind.WhatsApp, 30)], ConsentState.Unknown, "csat_survey", Now));
        Assert.Equal(new SurveyPlan(SurveyOutcome.NotSentWindowClosed),
            SurveyDecision.Decide([State(ChannelKind.WhatsApp, 30)], ConsentState.Unknown, approvedTemplate: null, Now));
    }

    [Fact]
    public void Messenger_after_24_hours_is_closed_even_while_a_person_could_still_use_the_human_agent_tag()
    {
        var plan = SurveyDecision.Decide([State(ChannelKind.Messenger, 30)], ConsentState.Accepted, "csat_survey", Now);

        Assert.Equal(SurveyOutcome.NotSentWindowClosed, plan.Outcome);
        Assert.Equal(SurveyOutcome.Sent, SurveyDecision.Decide([State(ChannelKind.Messenger, 23)], ConsentState.Accepted, null, Now).Outcome);
    }

    [Fact]
    public void LINE_is_pushed_at_any_age_unless_the_patient_blocked_the_account()
    {
        Assert.Equal(new SurveyPlan(SurveyOutcome.Sent, ChannelKind.Line), SurveyDecision.Decide([State(ChannelKind.Line, 24 * 20)], ConsentState.Unknown, null, Now));
        Assert.Equal(SurveyOutcome.NotSentWindowClosed, SurveyDecision.Decide([State(ChannelKind.Line, 1, blocked: true)], ConsentState.Unknown, null, Now).Outcome);
    }

    [Fact]
    public void An_opted_out_patient_is_never_asked_whatever_the_window()
    {
        var plan = SurveyDecision.Decide([State(ChannelKind.WhatsApp, 1)], ConsentState.OptedOut, "csat_survey", Now);

        Assert.Equal(new SurveyPlan(SurveyOutcome.NotSentOptedOut), plan);
    }

    [Fact]
    public void In_a_merged_thread_an_open_window_wins_over_a_newer_closed_one_and_a_template_is_only_the_fallback()
    {
        var plan = SurveyDecision.Decide([State(ChannelKind.WhatsApp, 30), State(ChannelKind.Messenger, 3), State(ChannelKind.Line, 1, blocked: true)],
            ConsentState.Accepted, "csat_survey", Now);

        Assert.Equal(new SurveyPlan(SurveyOutcome.Sent, ChannelKind.Messenger), plan);
    }

    [Fact]
    public void A_thread_without_any_channel_state_is_not_sent()
    {
        Assert.Equal(SurveyOutcome.NotSentWindowClosed, SurveyDecision.Decide([], ConsentState.Accepted, "csat_survey", Now).Outcome);
    }
}
