using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Web.Components.Pages.Reports;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Inbox.Tests.Components;

/// <summary>The supervisor's dashboard against a mocked <see cref="IReportQueries"/>: filters, cards, tables, drill-down, comments, live counters.</summary>
public sealed class DashboardTests
{
    // 02:00 UTC on 24 Nov is 10:00 in Hong Kong, the clinic's zone.
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Hk = TimeSpan.FromHours(8);
    private static readonly Guid Ana = Guid.NewGuid(), Ben = Guid.NewGuid();

    private static FakeTimeProvider Clock()
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong"));
        return clock;
    }

    private static CsatFigures Csat(int sent, int responses, double? satisfaction, params int[] distribution) =>
        new(sent, responses, sent == 0 ? null : responses / (double)sent, satisfaction,
            Enumerable.Range(1, 5).ToDictionary(r => r, r => distribution.ElementAtOrDefault(r - 1)));

    private static readonly ReportSummary ThisPeriod = new(120, 400, 380, new Percentiles(90, 240, 1500), new Percentiles(80, 7500, 86400),
        Csat(40, 30, 0.8, 1, 2, 3, 10, 14), 0.25, 0.6, new Percentiles(12, 95, 600));
    private static readonly ReportSummary LastPeriod = new(100, 350, 330, new Percentiles(80, 360, 1800), new Percentiles(70, 7500, 80000),
        Csat(30, 20, 0.84, 1, 1, 2, 6, 10), null, null, Percentiles.None);

    private static readonly AgentRow[] Agents =
    [
        new("agent-a", "Alice", 40, new Percentiles(20, 300, 900), 18, new Percentiles(18, 3600, 9000), 10, 0.9),
        new("agent-b", "Bao", 55, new Percentiles(25, 120, 400), 25, new Percentiles(25, 5400, 7000), 0, null),
        new("agent-c", "Chidi", 12, new Percentiles(6, 600, 1200), 5, new Percentiles(5, 1800, 2000), 4, 0.5),
    ];

    private static ComponentHarness Harness(ReportSummary? summary = null)
    {
        var h = new ComponentHarness(Clock());
        var r = h.Reports;
        r.Setup(q => q.HeadlinesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(new HeadlineFigures(7, 30, 25));
        r.Setup(q => q.SummaryAsync(It.IsAny<ReportFilter>(), It.IsAny<InboxScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ReportFilter f, InboxScope _, CancellationToken _) => f.To <= new DateTimeOffset(2026, 11, 18, 0, 0, 0, Hk) ? LastPeriod : summary ?? ThisPeriod);
        r.Setup(q => q.TrendAsync(It.IsAny<ReportFilter>(), It.IsAny<TimeZoneInfo>(), It.IsAny<InboxScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new TrendPoint(new DateOnly(2026, 11, 23), 20, 240, 3600, 5, 0.8), new TrendPoint(new DateOnly(2026, 11, 24), 4, null, null, 0, null)]);
        r.Setup(q => q.ByAgentAsync(It.IsAny<ReportFilter>(), It.IsAny<InboxScope>(), It.IsAny<CancellationToken>())).ReturnsAsync(Agents);
        r.Setup(q => q.ByChannelAsync(It.IsAny<ReportFilter>(), It.IsAny<InboxScope>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ChannelRow(ChannelKind.WhatsApp, 300, 280, new Percentiles(70, 200, 900), 60, new Percentiles(60, 7000, 80000), 25, 0.8)]);
        r.Setup(q => q.CommentsAsync(It.IsAny<ReportFilter>(), It.IsAny<InboxScope>(), It.IsAny<int?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ReportFilter _, InboxScope _, int? rating, int _, CancellationToken _) => new CsatComment[]
            {
                new(Guid.NewGuid(), Ana, "Ana Lima", ChannelKind.WhatsApp, "Alice", 5, "Very kind, thank you", Now.AddHours(-3)),
                new(Guid.NewGuid(), Ben, "Ben Ho", ChannelKind.Line, "Bao", 2, "Waited too long", Now.AddHours(-5)),
            }.Where(c => rating is null || c.Rating == rating).ToList());
        r.Setup(q => q.DrillAsync(It.IsAny<ReportFilter>(), It.IsAny<ReportMetric>(), It.IsAny<int?>(), It.IsAny<InboxScope>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new DrillRow(Ana, "Ana Lima", ChannelKind.WhatsApp, "Alice", Now.AddHours(-2), 7500), new DrillRow(Ben, "Ben Ho", ChannelKind.Line, null, Now.AddHours(-4), 60)]);
        return h;
    }

    private static IRenderedComponent<ReportsPage> RenderPage(ComponentHarness h, string? range = null, string? channel = null, string? person = null,
        string? from = null, string? to = null)
    {
        // The page reads its filters from the URL, as a link or the back button gives them.
        var query = new Dictionary<string, object?>
        {
            [DashboardQuery.RangeKey] = range, [DashboardQuery.ChannelKey] = channel, [DashboardQuery.PersonKey] = person,
            [DashboardQuery.FromKey] = from, [DashboardQuery.ToKey] = to,
        };
        var navigation = h.Context.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo(navigation.GetUriWithQueryParameters("/reports", query));
        return h.Context.Render<ReportsPage>();
    }

    private static string Text(IRenderedComponent<ReportsPage> cut, string selector) => cut.Find(selector).TextContent.Trim();

    [Fact]
    public async Task The_url_says_which_days_channel_and_person_in_the_clinics_time_zone_and_each_figure_is_compared_with_the_period_before()
    {
        await using var h = Harness();

        var cut = RenderPage(h, range: "30d", channel: "Line", person: "agent-a");

        cut.WaitForElement("[data-testid=report-headlines]");
        // 30 clinic days ending today, 24 Nov, from Hong Kong midnight to Hong Kong midnight.
        var expected = new ReportFilter(new DateTimeOffset(2026, 10, 26, 0, 0, 0, Hk), new DateTimeOffset(2026, 11, 25, 0, 0, 0, Hk), ChannelKind.Line, null, "agent-a");
        h.Reports.Verify(q => q.SummaryAsync(expected, ComponentHarness.SignedInScope, It.IsAny<CancellationToken>()));
        h.Reports.Verify(q => q.SummaryAsync(expected.Previous(), ComponentHarness.SignedInScope, It.IsAny<CancellationToken>()));
        h.Reports.Verify(q => q.TrendAsync(expected, It.Is<TimeZoneInfo>(z => z.Id == "Asia/Hong_Kong"), ComponentHarness.SignedInScope, It.IsAny<CancellationToken>()));
        h.Reports.Verify(q => q.ByAgentAsync(expected, ComponentHarness.SignedInScope, It.IsAny<CancellationToken>()));
        Assert.Equal("26 Oct – 24 Nov 2026", Text(cut, "[data-testid=report-period]"));
        Assert.Equal("true", cut.Find("[data-testid=report-range-30d]").GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task A_custom_range_reads_its_own_days()
    {
        await using var h = Harness();

        var cut = RenderPage(h, range: "custom", from: "2026-11-02", to: "2026-11-03");

        cut.WaitForElement("[data-testid=report-headlines]");
        var expected = new ReportFilter(new DateTimeOffset(2026, 11, 2, 0, 0, 0, Hk), new DateTimeOffset(2026, 11, 4, 0, 0, 0, Hk));
        h.Reports.Verify(q => q.SummaryAsync(expected, It.IsAny<InboxScope>(), It.IsAny<CancellationToken>()));
        Assert.Equal("2 Nov – 3 Nov 2026", Text(cut, "[data-testid=report-period]"));
    }

    [Fact]
    public async Task Cards_show_each_figure_its_p90_and_its_change_as_good_or_bad_news()
    {
        await using var h = Harness();

        var cut = RenderPage(h);

        string Card(string key, string part) => cut.Find($"[data-testid=report-card-{key}] [data-testid=report-card-{part}]").TextContent.Trim();
        cut.WaitForElement("[data-testid=report-headlines]");
        Assert.Equal("120", Card("conversations", "value"));
        Assert.StartsWith("+20%", Card("conversations", "change"));
        Assert.Equal("4 min", Card("first-response", "value"));
        Assert.Equal("p90 25 min", Card("first-response", "p90"));
        Assert.StartsWith("better:−2 min", Card("first-response", "change"));
        Assert.Equal("better", cut.Find("[data-testid=report-card-first-response] [data-testid=report-card-change]").GetAttribute("data-tone"));
        Assert.Equal("2 h 5 min", Card("resolution", "value"));
        Assert.Equal("p90 1 d", Card("resolution", "p90"));
        Assert.StartsWith("no change", Card("resolution", "change"));
        Assert.Equal("80%", Card("satisfaction", "value"));
        Assert.StartsWith("worse:−4 pts", Card("satisfaction", "change"));
        Assert.Equal("worse", cut.Find("[data-testid=report-card-satisfaction] [data-testid=report-card-change]").GetAttribute("data-tone"));
        Assert.Equal("75%", Card("response-rate", "value"));
        Assert.Equal("25%", Card("bot-containment", "value"));
        // Nothing to compare with: a dash, not a made-up change.
        Assert.StartsWith("—", Card("bot-containment", "change"));
        Assert.Equal("2 min", Card("handover-wait", "value")); // 95 s, to the nearest minute
        Assert.Contains("handed over: 60%", cut.Find("[data-testid=report-card-handover-wait]").TextContent);
        // The distribution bars, 5 at the top.
        Assert.Equal(["14", "10", "3", "2", "1"], cut.FindAll("[data-testid=report-distribution-count]").Select(e => e.TextContent));
    }

    [Fact]
    public async Task A_period_without_values_shows_dashes()
    {
        await using var h = Harness(new ReportSummary(0, 0, 0, Percentiles.None, Percentiles.None, Csat(0, 0, null), null, null, Percentiles.None));

        var cut = RenderPage(h);

        cut.WaitForElement("[data-testid=report-headlines]");
        foreach (var key in new[] { "first-response", "resolution", "satisfaction", "response-rate", "bot-containment", "handover-wait" })
            Assert.Equal("—", cut.Find($"[data-testid=report-card-{key}] [data-testid=report-card-value]").TextContent.Trim());
    }

    [Fact]
    public async Task Picking_a_preset_puts_it_in_the_url()
    {
        await using var h = Harness();
        var navigation = h.Context.Services.GetRequiredService<NavigationManager>();
        var cut = RenderPage(h, channel: "WhatsApp");

        cut.Find("[data-testid=report-range-today]").Click();

        Assert.EndsWith("/reports?range=today&channel=WhatsApp", navigation.Uri);
    }

    [Fact]
    public async Task A_card_opens_the_conversations_behind_it_with_links_and_the_read_is_audited()
    {
        await using var h = Harness();
        var cut = RenderPage(h, range: "today");
        cut.WaitForElement("[data-testid=report-headlines]");

        cut.Find("[data-testid=report-card-resolution] [data-testid=report-card-value]").Click();

        cut.WaitForElement("[data-testid=report-drill-row]");
        var today = new ReportFilter(new DateTimeOffset(2026, 11, 24, 0, 0, 0, Hk), new DateTimeOffset(2026, 11, 25, 0, 0, 0, Hk));
        h.Reports.Verify(q => q.DrillAsync(today, ReportMetric.Resolution, null, ComponentHarness.SignedInScope, ReportsPage.DrillLimit, It.IsAny<CancellationToken>()));
        Assert.Equal("Median resolution", Text(cut, "[data-testid=report-drill-title]"));
        var links = cut.FindAll("[data-testid=report-drill-link]");
        Assert.Equal([$"/conversations/{Ana}", $"/conversations/{Ben}"], links.Select(l => l.GetAttribute("href")));
        Assert.Contains("2 h 5 min", cut.FindAll("[data-testid=report-drill-row]")[0].TextContent);
        Assert.Equal($"/reports/export/drill-down.csv?range=today&metric=Resolution", cut.Find("[data-testid=report-drill-export]").GetAttribute("href"));
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e =>
            e.All(x => x.Action == AuditActions.ReportDrill && x.SubjectType == AuditSubjects.Conversation && x.Actor.Id == ComponentHarness.SignedInUserId)
            && e.Select(x => x.SubjectId).SequenceEqual(new[] { Ana.ToString(), Ben.ToString() })), It.IsAny<CancellationToken>()), Times.Once);

        cut.Find("[data-testid=report-drill-close]").Click();
        Assert.Empty(cut.FindAll("[data-testid=report-drill]"));
    }

    [Fact]
    public async Task A_rating_bar_and_a_persons_cell_narrow_the_drill_down()
    {
        await using var h = Harness();
        var cut = RenderPage(h);
        cut.WaitForElement("[data-testid=report-headlines]");

        cut.Find("[data-testid=report-distribution-bar][data-rating='2']").Click();
        cut.WaitForElement("[data-testid=report-drill-row]");
        h.Reports.Verify(q => q.DrillAsync(It.Is<ReportFilter>(f => f.AgentId == null), ReportMetric.CsatResponses, 2, It.IsAny<InboxScope>(), It.IsAny<int>(), It.IsAny<CancellationToken>()));
        Assert.Equal("Rated 2 of 5", Text(cut, "[data-testid=report-drill-title]"));

        var bao = cut.FindAll("[data-testid=report-agents-row]").Single(r => r.TextContent.Contains("Bao"));
        bao.QuerySelector("[data-column=first-response] button")!.Click();
        cut.WaitForAssertion(() => Assert.Equal("First responses by Bao", Text(cut, "[data-testid=report-drill-title]")));
        h.Reports.Verify(q => q.DrillAsync(It.Is<ReportFilter>(f => f.AgentId == "agent-b"), ReportMetric.FirstResponse, null, It.IsAny<InboxScope>(), It.IsAny<int>(), It.IsAny<CancellationToken>()));
        Assert.Equal("/reports/export/drill-down.csv?person=agent-b&metric=FirstResponse", cut.Find("[data-testid=report-drill-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task Every_column_sorts_and_sorting_again_reverses_with_empty_values_last()
    {
        await using var h = Harness();
        var cut = RenderPage(h);
        IEnumerable<string> Names() => cut.FindAll("[data-testid=report-agents-row] [data-column=name]").Select(c => c.TextContent.Trim());
        cut.WaitForElement("[data-testid=report-agents-row]");

        cut.Find("[data-testid=report-agents-sort-first-response]").Click();
        Assert.Equal(["Chidi", "Alice", "Bao"], Names());
        Assert.Equal("descending", cut.Find("[data-testid=report-agents-sort-first-response]").ParentElement!.GetAttribute("aria-sort"));

        cut.Find("[data-testid=report-agents-sort-first-response]").Click();
        Assert.Equal(["Bao", "Alice", "Chidi"], Names());
        Assert.Equal("ascending", cut.Find("[data-testid=report-agents-sort-first-response]").ParentElement!.GetAttribute("aria-sort"));

        cut.Find("[data-testid=report-agents-sort-satisfaction]").Click();
        Assert.Equal(["Alice", "Chidi", "Bao"], Names());
        cut.Find("[data-testid=report-agents-sort-satisfaction]").Click();
        Assert.Equal(["Chidi", "Alice", "Bao"], Names());

        cut.Find("[data-testid=report-agents-sort-name]").Click();
        Assert.Equal(["Alice", "Bao", "Chidi"], Names());
        Assert.Equal("/reports/export/per-person.csv", cut.Find("[data-testid=report-agents-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task Rating_chips_narrow_the_comment_feed_and_each_read_is_audited()
    {
        await using var h = Harness();
        var cut = RenderPage(h, range: "7d");
        cut.WaitForElement("[data-testid=report-comment]");
        Assert.Equal(["5", "2"], cut.FindAll("[data-testid=report-comment]").Select(c => c.GetAttribute("data-rating")));
        Assert.Contains("Very kind, thank you", cut.Find("[data-testid=report-comment]").TextContent);

        cut.Find("[data-testid=report-comments-rating-2]").Click();

        cut.WaitForAssertion(() => Assert.Equal(["2"], cut.FindAll("[data-testid=report-comment]").Select(c => c.GetAttribute("data-rating"))));
        Assert.Equal("true", cut.Find("[data-testid=report-comments-rating-2]").GetAttribute("aria-pressed"));
        Assert.Equal("/reports/export/comments.csv?rating=2", cut.Find("[data-testid=report-comments-export]").GetAttribute("href"));
        h.Reports.Verify(q => q.CommentsAsync(It.IsAny<ReportFilter>(), ComponentHarness.SignedInScope, 2, ReportsPage.CommentLimit, It.IsAny<CancellationToken>()));
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e =>
            e.All(x => x.Action == AuditActions.ReportComments) && e.Select(x => x.SubjectId).SequenceEqual(new[] { Ben.ToString() })), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task When_the_period_cannot_be_counted_the_page_says_so_and_todays_counters_still_show()
    {
        await using var h = Harness();
        h.Reports.Setup(q => q.SummaryAsync(It.IsAny<ReportFilter>(), It.IsAny<InboxScope>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database down"));

        var cut = RenderPage(h);

        cut.WaitForElement("[data-testid=report-failed]");
        Assert.Equal("30", cut.Find("[data-testid=report-messages-in] [data-testid=report-value]").TextContent);
    }

    [Fact]
    public async Task A_drill_down_that_fails_says_so_in_its_panel_and_audits_nothing()
    {
        await using var h = Harness();
        h.Reports.Setup(q => q.DrillAsync(It.IsAny<ReportFilter>(), It.IsAny<ReportMetric>(), It.IsAny<int?>(), It.IsAny<InboxScope>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database down"));
        var cut = RenderPage(h);
        cut.WaitForElement("[data-testid=report-headlines]");

        cut.Find("[data-testid=report-card-conversations] [data-testid=report-card-value]").Click();

        cut.WaitForElement("[data-testid=report-drill-failed]");
        Assert.NotEmpty(cut.FindAll("[data-testid=report-headlines]"));
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e => e.Any(x => x.Action == AuditActions.ReportDrill)), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Todays_counters_count_again_when_messages_arrive()
    {
        await using var h = new ComponentHarness();
        var counts = new Queue<HeadlineFigures>([new(1, 2, 3), new(1, 5, 3)]);
        h.Reports.Setup(q => q.HeadlinesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => counts.Count > 1 ? counts.Dequeue() : counts.Peek());
        var cut = h.Context.Render<TodayCounters>();
        Assert.Equal("2", cut.Find("[data-testid=report-messages-in] [data-testid=report-value]").TextContent);

        // A mention changes no count; a message does.
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.Mentioned, Guid.NewGuid())]);
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, Guid.NewGuid(), Guid.NewGuid())]);

        cut.WaitForAssertion(() => Assert.Equal("5", cut.Find("[data-testid=report-messages-in] [data-testid=report-value]").TextContent));
        h.Reports.Verify(q => q.HeadlinesAsync(It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }
}
