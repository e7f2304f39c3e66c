using Inbox.Core.Channels;
using Inbox.Core.Csat;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries;

namespace Inbox.Tests.Reports;

/// <summary>
/// Every figure of docs/metrics.md on a hand-built clinic in Berlin (UTC+1 in March until the 29th, then UTC+2),
/// against values computed by hand in the comments. The main day is Tuesday 10 March 2026, inbox "Front".
/// </summary>
public sealed class ReportMetricsTests(ReportMetricsTests.Clinic clinic) : IClassFixture<ReportMetricsTests.Clinic>
{
    public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Day = new(2026, 3, 10);

    /// <summary>Berlin wall-clock time on a March 2026 day, as the instant the app stores (UTC, like every platform timestamp:
    /// SQLite orders DateTimeOffset by its clock ticks, so rows are written in UTC).</summary>
    private static DateTimeOffset At(int day, int hour, int minute, int second = 0) =>
        new DateTimeOffset(2026, 3, day, hour, minute, second, day < 29 || (day == 29 && hour < 2) ? TimeSpan.FromHours(1) : TimeSpan.FromHours(2)).ToUniversalTime();

    private static DateTimeOffset D(int hour, int minute, int second = 0) => At(10, hour, minute, second);

    public sealed class Clinic : IAsyncLifetime
    {
        public ReportDataset Set { get; } = new();
        public Guid Front { get; private set; }
        public Guid Other { get; private set; }
        public Guid Tens { get; private set; }
        public Guid Clock { get; private set; }
        public Guid TeamA { get; private set; }
        public Dictionary<string, Guid> Threads { get; } = [];

        public async Task InitializeAsync()
        {
            await Set.MigrateAsync();
            Set.Staff("ana", "Ana");
            Set.Staff("ben", "Ben");
            Front = Set.Inbox("Front");
            Other = Set.Inbox("Other");
            Tens = Set.Inbox("Tens");
            Clock = Set.Inbox("Clock");
            TeamA = Set.Team("Team A");

            // 1. Reopened (WhatsApp, team A, Ana's): two episodes, each with its own times.
            //    Episode 1: wrote 09:00, Ana 09:10 (first response 600 s), Ana resolved 09:30 (1800 s); rated 5 "Great" at 09:40.
            //    Episode 2: wrote 11:00, Ben 11:05 (300 s), Ben resolved 12:00 (3600 s); rated 2 "Slow" at 12:30.
            Threads["reopened"] = Set.Patient("Rita Reopen", Front, ChannelKind.WhatsApp, D(9, 0)).AssignTo("ana", TeamA, D(9, 0))
                .Replies("ana", D(9, 10)).Resolves(D(9, 30), "ana").Survey(SurveyOutcome.Sent, 5, "Great", D(9, 40))
                .Writes(D(11, 0)).Replies("ben", D(11, 5)).Resolves(D(12, 0), "ben").Survey(SurveyOutcome.Sent, 2, "Slow", D(12, 30)).Id;
            // 2. Bot-contained (Messenger): wrote 10:00, the bot answered, the bot closed it at 10:05 (300 s, nobody credited);
            //    survey sent, never answered.
            Threads["bot"] = Set.Patient("Bo Bot", Front, ChannelKind.Messenger, D(10, 0), withBot: true)
                .BotReplies(D(10, 0, 30)).Resolves(D(10, 5), null).Survey(SurveyOutcome.Sent).Id;
            // 3. Handed over (WhatsApp): wrote 10:00, bot 10:02, handover 10:04, Ana assigned herself with team A at 10:10
            //    (handover wait 360 s), replied 10:12 (first response from the handover: 480 s), resolved 10:20 (1200 s); rated 4.
            Threads["handover"] = Set.Patient("Hal Handover", Front, ChannelKind.WhatsApp, D(10, 0), withBot: true)
                .BotReplies(D(10, 2)).HandsOver(D(10, 4)).AssignTo("ana", TeamA, D(10, 10)).Replies("ana", D(10, 12))
                .Resolves(D(10, 20), "ana").Survey(SurveyOutcome.Sent, 4, answeredAt: D(10, 30)).Id;
            // 4. Taken over by a person (LINE), still open: wrote 10:00, Ben assigned it to himself at 10:15 (a handover
            //    picked up at once: wait 0 s), replied 10:16 (60 s from the handover). Its episode is unfinished.
            Threads["takeover"] = Set.Patient("Tia Takeover", Front, ChannelKind.Line, D(10, 0), withBot: true)
                .AssignTo("ben", null, D(10, 15)).Replies("ben", D(10, 16)).Id;
            // 6. Only a note and a workflow line after the patient's message at 13:00: neither is a message to the patient.
            Threads["note"] = Set.Patient("Nia Note", Front, ChannelKind.WhatsApp, D(13, 0)).NoteAndActivity("ana", D(13, 1)).Id;
            // 7. Messenger, Ana's: wrote 14:00, resolved by Ana at 16:00 without a reply (7200 s); survey not sent, window closed.
            Threads["closed"] = Set.Patient("Cy Closed", Front, ChannelKind.Messenger, D(14, 0)).AssignTo("ana", null, D(14, 0))
                .Resolves(D(16, 0), "ana").Survey(SurveyOutcome.NotSentWindowClosed).Id;
            // 5. Another inbox (only whoever sees every inbox sees it): wrote 10:00, Ana 10:01 (60 s), resolved 10:02 (120 s); rated 1.
            Threads["other"] = Set.Patient("Otto Other", Other, ChannelKind.WhatsApp, D(10, 0))
                .Replies("ana", D(10, 1)).Resolves(D(10, 2), "ana").Survey(SurveyOutcome.Sent, 1, answeredAt: D(10, 3)).Id;

            // Ten resolutions on 12 March, inbox "Tens", lasting 10, 20, … 100 s (written out of order).
            foreach (var seconds in new[] { 70, 20, 100, 40, 10, 90, 30, 60, 80, 50 })
                Set.Patient($"Ten {seconds}", Tens, ChannelKind.WhatsApp, At(12, 9, 0)).Resolves(At(12, 9, 0).AddSeconds(seconds), "ana");

            // Clock edges, inbox "Clock": 23:30 on 10 March (22:30Z) and 00:30 on 11 March (23:30Z, still the 10th in UTC);
            // the 23-hour day of 29 March: 00:30 (+1 h) and 23:30 (+2 h) the same patient, and 00:30 on the 30th another.
            Set.Patient("Late Tuesday", Clock, ChannelKind.WhatsApp, At(10, 23, 30));
            Set.Patient("Early Wednesday", Clock, ChannelKind.WhatsApp, At(11, 0, 30));
            Set.Patient("Dst Sunday", Clock, ChannelKind.WhatsApp, At(29, 0, 30)).Writes(At(29, 23, 30));
            Set.Patient("Dst Monday", Clock, ChannelKind.WhatsApp, At(30, 0, 30));
            await Set.SaveAsync();
        }

        public async Task DisposeAsync() => await Set.DisposeAsync();
    }

    private async Task<T> Run<T>(Func<ReportQueries, Task<T>> query)
    {
        await using var db = clinic.Set.CreateDbContext();
        return await query(new ReportQueries(db));
    }

    private Task<ReportSummary> Summary(ReportFilter filter, InboxScope scope) => Run(q => q.SummaryAsync(filter, scope, CancellationToken.None));

    private InboxScope Front => InboxScope.Only([clinic.Front]);
    private static ReportFilter OneDay(ChannelKind? channel = null, Guid? team = null, string? agent = null) => ReportFilter.ForDays(Day, Day, Berlin, channel, team, agent);

    [Fact]
    public async Task Summary_of_the_front_inbox_counts_each_episode_once_with_its_own_times()
    {
        var s = await Summary(OneDay(), Front);

        // In: reopened 2 + bot 1 + handover 1 + takeover 1 + note 1 + closed 1 = 7; the note and the workflow line are not messages.
        Assert.Equal(7, s.MessagesIn);
        // Out: reopened 2 (Ana, Ben) + bot 1 + handover 2 (bot, Ana) + takeover 1 (Ben) = 6.
        Assert.Equal(6, s.MessagesOut);
        Assert.Equal(6, s.Conversations);
        // First responses 600, 300 (reopened), 480 (handover, from the handover), 60 (takeover, unfinished) → [60, 300, 480, 600]:
        // median rank ceil(0.5·4) = 2 → 300; p90 rank ceil(0.9·4) = 4 → 600.
        Assert.Equal(new Percentiles(4, 300, 600), s.FirstResponse);
        // Resolutions 1800, 3600, 300, 1200, 7200 → [300, 1200, 1800, 3600, 7200]: median rank 3 → 1800; p90 rank ceil(4.5) = 5 → 7200.
        Assert.Equal(new Percentiles(5, 1800, 7200), s.Resolution);
        // Bot episodes resolved: bot (contained, no handover) and handover (handed over, a human replied) → 1/2 and 1/2.
        // The takeover's episode is not resolved, so it is in neither.
        Assert.Equal(0.5, s.BotContainmentRate);
        Assert.Equal(0.5, s.HandoverRate);
        // Pick-ups: handover 360 s (finished), takeover 0 s (unfinished) → [0, 360]: median rank 1 → 0; p90 rank ceil(1.8) = 2 → 360.
        Assert.Equal(new Percentiles(2, 0, 360), s.HandoverWait);
        // Surveys: 5, 2, 4 answered, bot's sent unanswered, closed's not sent → sent 4, responses 3, rate 3/4, satisfied (4, 5) 2/3.
        Assert.Equal(4, s.Csat.SurveysSent);
        Assert.Equal(3, s.Csat.Responses);
        Assert.Equal(0.75, s.Csat.ResponseRate);
        Assert.Equal(2.0 / 3, s.Csat.Satisfaction!.Value, 9);
        Assert.Equal(new Dictionary<int, int> { [1] = 0, [2] = 1, [3] = 0, [4] = 1, [5] = 1 }, s.Csat.Distribution);
    }

    [Fact]
    public async Task Whoever_sees_every_inbox_sees_the_other_inbox_too()
    {
        var s = await Summary(OneDay(), InboxScope.All);

        // The "Other" thread adds 1 in, 1 out, 1 conversation; the clock inbox's 23:30 message is on this day too (+1 in, +1 conversation).
        Assert.Equal(9, s.MessagesIn);
        Assert.Equal(7, s.MessagesOut);
        Assert.Equal(8, s.Conversations);
        // + 60 → [60, 60, 300, 480, 600]: median rank 3 → 300; p90 rank ceil(4.5) = 5 → 600.
        Assert.Equal(new Percentiles(5, 300, 600), s.FirstResponse);
        // + 120 → [120, 300, 1200, 1800, 3600, 7200]: median rank 3 → 1200; p90 rank ceil(5.4) = 6 → 7200.
        Assert.Equal(new Percentiles(6, 1200, 7200), s.Resolution);
        // + a sent survey rated 1: sent 5, responses 4, satisfied 2/4.
        Assert.Equal((5, 4, 0.8, 0.5), (s.Csat.SurveysSent, s.Csat.Responses, s.Csat.ResponseRate, s.Csat.Satisfaction));
    }

    [Fact]
    public async Task A_person_filter_credits_first_responses_to_the_responder_and_resolutions_to_the_resolver()
    {
        var s = await Summary(OneDay(agent: "ana"), Front);

        // In: threads assigned to Ana now — reopened 2, handover 1, closed 1 = 4 (3 conversations). Out: written by Ana — 2.
        Assert.Equal((4, 2, 3), (s.MessagesIn, s.MessagesOut, s.Conversations));
        // Ana answered first in episode 1 of reopened (600) and in handover (480); Ben's 300 in episode 2 is his although the thread is Ana's.
        // [480, 600]: median rank 1 → 480, p90 rank 2 → 600.
        Assert.Equal(new Percentiles(2, 480, 600), s.FirstResponse);
        // Ana resolved episode 1 (1800), handover (1200), closed (7200) → median rank 2 → 1800, p90 rank 3 → 7200.
        Assert.Equal(new Percentiles(3, 1800, 7200), s.Resolution);
        // Her one bot episode (handover) was handed over, not contained.
        Assert.Equal((0.0, 1.0), (s.BotContainmentRate, s.HandoverRate));
        // n = 1: the handover she resolved, 360 s, is both median and p90 (the takeover's pick-up is Ben's).
        Assert.Equal(new Percentiles(1, 360, 360), s.HandoverWait);
        // Her surveys: 5 and 4 (sent 2, both answered, both satisfied); closed was not sent.
        Assert.Equal((2, 2, 1.0, 1.0), (s.Csat.SurveysSent, s.Csat.Responses, s.Csat.ResponseRate, s.Csat.Satisfaction));
    }

    [Fact]
    public async Task A_channel_filter_keeps_that_channels_messages_and_episodes()
    {
        var s = await Summary(OneDay(channel: ChannelKind.Messenger), Front);

        // Messenger: bot (in 1, bot reply 1) and closed (in 1): 2 in, 1 out, 2 conversations; no human replied → no first response.
        Assert.Equal((2, 1, 2), (s.MessagesIn, s.MessagesOut, s.Conversations));
        Assert.Equal(Percentiles.None, s.FirstResponse);
        // [300, 7200]: median rank 1 → 300, p90 rank 2 → 7200.
        Assert.Equal(new Percentiles(2, 300, 7200), s.Resolution);
        Assert.Equal((1.0, 0.0), (s.BotContainmentRate, s.HandoverRate));
        // Bot's survey was sent and not answered; closed's was not sent: 1 sent, 0 responses → rate 0, satisfaction unknown.
        Assert.Equal((1, 0, 0.0, (double?)null), (s.Csat.SurveysSent, s.Csat.Responses, s.Csat.ResponseRate, s.Csat.Satisfaction));
    }

    [Fact]
    public async Task A_team_filter_keeps_the_teams_threads_and_episodes()
    {
        var s = await Summary(OneDay(team: clinic.TeamA), Front);

        // Team A has reopened and handover: in 2 + 1 = 3, out 2 + 2 = 4, 2 conversations.
        Assert.Equal((3, 4, 2), (s.MessagesIn, s.MessagesOut, s.Conversations));
        // [300, 480, 600]: median rank 2 → 480, p90 rank 3 → 600. Resolutions [1200, 1800, 3600]: 1800 and 3600.
        Assert.Equal(new Percentiles(3, 480, 600), s.FirstResponse);
        Assert.Equal(new Percentiles(3, 1800, 3600), s.Resolution);
        Assert.Equal(new Percentiles(1, 360, 360), s.HandoverWait);
        Assert.Equal((3, 3), (s.Csat.SurveysSent, s.Csat.Responses));
    }

    [Fact]
    public async Task Ten_values_take_the_fifth_and_ninth_by_nearest_rank()
    {
        var day = new DateOnly(2026, 3, 12);
        var s = await Summary(ReportFilter.ForDays(day, day, Berlin), InboxScope.Only([clinic.Tens]));

        // [10, 20, … 100]: median rank ceil(5) = 5 → 50; p90 rank ceil(9) = 9 → 90.
        Assert.Equal(new Percentiles(10, 50, 90), s.Resolution);
    }

    [Fact]
    public async Task An_empty_period_has_zeros_and_no_rates_or_percentiles()
    {
        var day = new DateOnly(2026, 1, 5);
        var s = await Summary(ReportFilter.ForDays(day, day, Berlin), InboxScope.All);

        Assert.Equal((0, 0, 0), (s.Conversations, s.MessagesIn, s.MessagesOut));
        Assert.Equal(Percentiles.None, s.FirstResponse);
        Assert.Equal(Percentiles.None, s.Resolution);
        Assert.Equal(Percentiles.None, s.HandoverWait);
        Assert.Null(s.BotContainmentRate);
        Assert.Null(s.HandoverRate);
        Assert.Equal((0, 0, (double?)null, (double?)null), (s.Csat.SurveysSent, s.Csat.Responses, s.Csat.ResponseRate, s.Csat.Satisfaction));
        Assert.Equal([1, 2, 3, 4, 5], s.Csat.Distribution.Keys.Order());
        Assert.All(s.Csat.Distribution.Values, v => Assert.Equal(0, v));
    }

    [Theory]
    // 23:30 on the 10th belongs to the 10th; 00:30 on the 11th (23:30 UTC on the 10th) to the 11th.
    [InlineData(10, 1)]
    [InlineData(11, 1)]
    // The 23-hour day of 29 March holds 00:30 (+1 h) and 23:30 (+2 h); 00:30 on the 30th is the next day's.
    [InlineData(29, 2)]
    [InlineData(30, 1)]
    public async Task Days_are_the_clinics_calendar_days(int dayOfMonth, int messagesIn)
    {
        var day = new DateOnly(2026, 3, dayOfMonth);
        var s = await Summary(ReportFilter.ForDays(day, day, Berlin), InboxScope.Only([clinic.Clock]));

        Assert.Equal(messagesIn, s.MessagesIn);
    }

    [Fact]
    public async Task The_trend_has_one_point_per_clinic_day_across_a_clock_change()
    {
        var filter = ReportFilter.ForDays(new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 30), Berlin);
        var points = await Run(q => q.TrendAsync(filter, Berlin, InboxScope.Only([clinic.Clock]), CancellationToken.None));

        Assert.Equal([new DateOnly(2026, 3, 28), new DateOnly(2026, 3, 29), new DateOnly(2026, 3, 30)], points.Select(p => p.Day));
        // 29th: one patient wrote twice (one conversation); 30th: another.
        Assert.Equal([0, 1, 1], points.Select(p => p.Conversations));
    }

    [Fact]
    public async Task The_trend_of_the_front_inbox_has_the_days_medians_and_ratings()
    {
        var filter = ReportFilter.ForDays(new DateOnly(2026, 3, 9), Day, Berlin);
        var points = await Run(q => q.TrendAsync(filter, Berlin, Front, CancellationToken.None));

        Assert.Equal(new TrendPoint(new DateOnly(2026, 3, 9), 0, null, null, 0, null), points[0]);
        // The 10th: 6 conversations, first-response median 300, resolution median 1800, 3 ratings of which 2 satisfied.
        var tenth = points[1];
        Assert.Equal((Day, 6, 300, 1800, 3), (tenth.Day, tenth.Conversations, tenth.FirstResponseMedian, tenth.ResolutionMedian, tenth.CsatResponses));
        Assert.Equal(2.0 / 3, tenth.Satisfaction!.Value, 9);
    }

    [Fact]
    public async Task The_per_person_table_credits_each_person_and_names_them()
    {
        var rows = await Run(q => q.ByAgentAsync(OneDay(), Front, CancellationToken.None));

        // The bot's resolution has nobody to credit: no row. Ordered by name.
        Assert.Equal(["Ana", "Ben"], rows.Select(r => r.Name));
        var ana = rows[0];
        // Ana: replies 2 (reopened, handover); first responses [480, 600]; resolved 3 [1200, 1800, 7200]; ratings 5 and 4.
        Assert.Equal(("ana", 2, new Percentiles(2, 480, 600), 3, new Percentiles(3, 1800, 7200), 2, (double?)1.0),
            (ana.AgentId, ana.Replies, ana.FirstResponse, ana.Resolved, ana.Resolution, ana.CsatResponses, ana.Satisfaction));
        var ben = rows[1];
        // Ben: replies 2 (reopened episode 2, takeover); first responses [60, 300]; resolved 1 (3600); rated 2 once.
        Assert.Equal(("ben", 2, new Percentiles(2, 60, 300), 1, new Percentiles(1, 3600, 3600), 1, (double?)0.0),
            (ben.AgentId, ben.Replies, ben.FirstResponse, ben.Resolved, ben.Resolution, ben.CsatResponses, ben.Satisfaction));
    }

    [Fact]
    public async Task The_per_channel_table_has_a_row_per_channel_used()
    {
        var rows = await Run(q => q.ByChannelAsync(OneDay(), Front, CancellationToken.None));

        Assert.Equal([ChannelKind.WhatsApp, ChannelKind.Messenger, ChannelKind.Line], rows.Select(r => r.Channel));
        // WhatsApp: reopened (2 in, 2 out), handover (1, 2), note (1, 0) → 4 in, 4 out; first responses [300, 480, 600];
        // resolutions [1200, 1800, 3600]; ratings 5, 2, 4 → 2/3.
        var whatsApp = rows[0];
        Assert.Equal((4, 4, new Percentiles(3, 480, 600), 3, new Percentiles(3, 1800, 3600), 3),
            (whatsApp.MessagesIn, whatsApp.MessagesOut, whatsApp.FirstResponse, whatsApp.Resolved, whatsApp.Resolution, whatsApp.CsatResponses));
        // Messenger: 2 in, 1 out, no first response, resolutions [300, 7200], no ratings.
        var messenger = rows[1];
        Assert.Equal((2, 1, Percentiles.None, 2, new Percentiles(2, 300, 7200), 0, (double?)null),
            (messenger.MessagesIn, messenger.MessagesOut, messenger.FirstResponse, messenger.Resolved, messenger.Resolution, messenger.CsatResponses, messenger.Satisfaction));
        // LINE: the unfinished takeover, its channel the patient's last: 1 in, 1 out, first response 60.
        var line = rows[2];
        Assert.Equal((1, 1, new Percentiles(1, 60, 60), 0), (line.MessagesIn, line.MessagesOut, line.FirstResponse, line.Resolved));
    }

    [Fact]
    public async Task Comments_come_newest_first_with_the_patient_and_the_person_credited()
    {
        var all = await Run(q => q.CommentsAsync(OneDay(), Front, null, 10, CancellationToken.None));
        var fives = await Run(q => q.CommentsAsync(OneDay(), Front, 5, 10, CancellationToken.None));

        // Only answers with a comment: "Slow" (12:30, Ben) then "Great" (09:40, Ana); the rating-only 4 is not a comment.
        Assert.Equal([("Slow", 2, "Ben"), ("Great", 5, "Ana")], all.Select(c => (c.Comment!, c.Rating, c.AgentName!)));
        Assert.All(all, c => Assert.Equal(("Rita Reopen", ChannelKind.WhatsApp), (c.ContactName, c.Channel)));
        Assert.Equal(["Great"], fives.Select(c => c.Comment));
    }

    [Fact]
    public async Task Drill_downs_list_the_conversations_behind_each_figure_worst_first()
    {
        Task<IReadOnlyList<DrillRow>> Drill(ReportMetric metric, int? rating = null) =>
            Run(q => q.DrillAsync(OneDay(), metric, rating, Front, 50, CancellationToken.None));
        var t = clinic.Threads;

        var firstResponse = await Drill(ReportMetric.FirstResponse);
        Assert.Equal([(t["reopened"], 600, "Ana"), (t["handover"], 480, "Ana"), (t["reopened"], 300, "Ben"), (t["takeover"], 60, "Ben")],
            firstResponse.Select(r => (r.ConversationId, r.Value!.Value, r.AgentName!)));
        Assert.Equal("Rita Reopen", firstResponse[0].ContactName);
        Assert.Equal([7200, 3600, 1800, 1200, 300], (await Drill(ReportMetric.Resolution)).Select(r => r.Value!.Value));
        Assert.Equal([2, 4, 5], (await Drill(ReportMetric.CsatResponses)).Select(r => r.Value!.Value));
        Assert.Equal([t["reopened"]], (await Drill(ReportMetric.CsatResponses, rating: 2)).Select(r => r.ConversationId));
        Assert.Equal([t["bot"]], (await Drill(ReportMetric.BotContained)).Select(r => r.ConversationId));
        Assert.Equal([t["handover"]], (await Drill(ReportMetric.HandedOver)).Select(r => r.ConversationId));
        Assert.Equal([(t["handover"], 360), (t["takeover"], 0)], (await Drill(ReportMetric.HandoverWait)).Select(r => (r.ConversationId, r.Value!.Value)));
        // Conversations: by the patient's latest message of the period, newest first: closed 14:00, note 13:00, reopened 11:00, then the 10:00 ones.
        var conversations = await Drill(ReportMetric.Conversations);
        Assert.Equal(6, conversations.Count);
        Assert.Equal([t["closed"], t["note"], t["reopened"]], conversations.Take(3).Select(r => r.ConversationId));
        Assert.Equal(("Cy Closed", ChannelKind.Messenger, "Ana"), (conversations[0].ContactName, conversations[0].Channel, conversations[0].AgentName));
    }
}
