using Inbox.Core.Channels;
using Inbox.Core.Reports;
using Inbox.Web.Components.Pages.Reports;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Reports;

/// <summary>The dashboard's pure parts: its URL state and filter, how figures read, how changes are judged, and CSV.</summary>
public sealed class DashboardFormattingTests
{
    private static FakeTimeProvider ClockIn(string zone, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById(zone));
        return clock;
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(0, "0 s")]
    [InlineData(45, "45 s")]
    [InlineData(240, "4 min")]
    [InlineData(269, "4 min")]
    [InlineData(3600, "1 h")]
    [InlineData(7500, "2 h 5 min")]
    [InlineData(86400 + 4 * 3600, "1 d 4 h")]
    public void Durations_read_as_people_say_them(int? seconds, string expected) =>
        Assert.Equal(expected, ReportFormat.Duration(seconds));

    [Fact]
    public void Presets_are_whole_clinic_days_ending_today_in_the_clinics_time_zone()
    {
        // 20:30 UTC on 23 Nov is already 24 Nov in Hong Kong (UTC+8).
        var clock = ClockIn("Asia/Hong_Kong", new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero));
        var hk = TimeSpan.FromHours(8);

        var today = DashboardQuery.Parse("today", null, null, null, null, null).ToFilter(clock);
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, hk), today.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 0, 0, 0, hk), today.To);

        var week = DashboardQuery.Parse(null, null, null, null, null, null).ToFilter(clock);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 0, 0, 0, hk), week.From);
        Assert.Equal(today.To, week.To);

        var month = DashboardQuery.Parse("30d", null, null, "line", null, null).ToFilter(clock);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 0, 0, 0, hk), month.From);
        Assert.Equal(ChannelKind.Line, month.Channel);
    }

    [Fact]
    public void A_custom_range_keeps_its_days_filters_and_round_trips_through_the_url()
    {
        var team = Guid.NewGuid();
        var query = DashboardQuery.Parse("custom", "2026-11-01", "2026-11-10", "WhatsApp", team.ToString(), "user a&b");

        Assert.Equal(new DashboardQuery(DatePreset.Custom, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 10), ChannelKind.WhatsApp, team, "user a&b"), query);
        var qs = query.ToQueryString();
        Assert.Equal($"range=custom&from=2026-11-01&to=2026-11-10&channel=WhatsApp&team={team}&person=user%20a%26b", qs);
        var back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(qs);
        Assert.Equal(query, DashboardQuery.Parse(k => back.TryGetValue(k, out var v) ? v.ToString() : null));

        // The clocks go back on 1 Nov in New York: the range still starts at the clinic's midnight.
        var filter = query.ToFilter(ClockIn("America/New_York", new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4)), filter.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 11, 0, 0, 0, TimeSpan.FromHours(-5)), filter.To);
        Assert.Equal((team, "user a&b"), (filter.TeamId, filter.AgentId));
    }

    [Theory]
    [InlineData("custom", "2026-11-10", "2026-11-01")]
    [InlineData("custom", "yesterday", "2026-11-01")]
    [InlineData("forever", null, null)]
    public void An_unreadable_period_falls_back_to_the_last_7_days(string range, string? from, string? to) =>
        Assert.Equal(DashboardQuery.Default, DashboardQuery.Parse(range, from, to, "fax", "not-a-guid", " "));

    [Fact]
    public void Changes_say_which_way_is_good_news()
    {
        Assert.Equal("+50%", Headlines.CountChange(30, 20));
        Assert.Equal("−25%", Headlines.CountChange(15, 20));
        Assert.Equal("new", Headlines.CountChange(3, 0));
        Assert.Equal(("−2 min", ChangeTone.Better), Headlines.DurationChange(180, 300));
        Assert.Equal(("+1 h 5 min", ChangeTone.Worse), Headlines.DurationChange(3900 + 60, 60));
        Assert.Equal(("—", ChangeTone.Neutral), Headlines.DurationChange(180, null));
        Assert.Equal(("+4 pts", ChangeTone.Better), Headlines.RateChange(0.84, 0.80, higherIsBetter: true));
        Assert.Equal(("−10 pts", ChangeTone.Worse), Headlines.RateChange(0.70, 0.80, higherIsBetter: true));
        Assert.Equal(("no change", ChangeTone.Neutral), Headlines.RateChange(0.8, 0.8, higherIsBetter: true));
    }

    [Fact]
    public void Csv_cells_are_quoted_when_needed_and_never_run_as_formulas()
    {
        Assert.Equal("plain", ReportCsv.Cell("plain"));
        Assert.Equal("", ReportCsv.Cell(null));
        Assert.Equal("\"Santos, Maria\"", ReportCsv.Cell("Santos, Maria"));
        Assert.Equal("\"She said \"\"thanks\"\"\"", ReportCsv.Cell("She said \"thanks\""));
        Assert.Equal("\"two\r\nlines\"", ReportCsv.Cell("two\r\nlines"));
        Assert.Equal("\"'=HYPERLINK(\"\"http://x\"\")\"", ReportCsv.Cell("=HYPERLINK(\"http://x\")"));
        Assert.Equal("'+1 555", ReportCsv.Cell("+1 555"));
        Assert.Equal("'-2+3", ReportCsv.Cell("-2+3"));
        Assert.Equal("'@SUM(A1)", ReportCsv.Cell("@SUM(A1)"));
        Assert.Equal("'\tx", ReportCsv.Cell("\tx"));
    }

    [Fact]
    public void A_table_exports_its_columns_with_plain_values()
    {
        var rows = new[]
        {
            new AgentRow("a1", "=Eve, \"the\" agent", 12, new Percentiles(3, 240, 900), 4, new Percentiles(4, 7200, null), 2, 0.5),
            new AgentRow("a2", "Bob", 0, Percentiles.None, 0, Percentiles.None, 0, null),
        };

        var csv = ReportCsv.Write(ReportTables.AgentColumns, rows);

        Assert.Equal(
            "Person,Replies,Median first response,First response p90,Resolved,Median resolution,Ratings,Satisfaction\r\n" +
            "\"'=Eve, \"\"the\"\" agent\",12,240,900,4,7200,2,0.5\r\n" +
            "Bob,0,,,0,,0,\r\n", csv);
    }
}
