using System.Globalization;
using Inbox.Core.Reports;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>Whether a change is good news: fewer minutes of waiting is, fewer satisfied patients is not.</summary>
public enum ChangeTone { Neutral, Better, Worse }

/// <summary>One headline card: the figure, its 90th percentile where it has one, and how it moved against the previous period.</summary>
/// <param name="Key">The card's test id is <c>report-card-{Key}</c>.</param>
public sealed record HeadlineFigure(string Key, string Label, string Value, string? P90, string Change, ChangeTone Tone, string Hint, ReportMetric Metric);

/// <summary>The seven headline cards, computed from this period's and the previous period's summaries.</summary>
public static class Headlines
{
    public static IReadOnlyList<HeadlineFigure> From(ReportSummary now, ReportSummary before) =>
    [
        new("conversations", "Conversations", ReportFormat.Count(now.Conversations), null,
            CountChange(now.Conversations, before.Conversations), ChangeTone.Neutral, "with a patient message", ReportMetric.Conversations),
        Duration("first-response", "Median first response", now.FirstResponse, before.FirstResponse, "to a person's first reply", ReportMetric.FirstResponse),
        Duration("resolution", "Median resolution", now.Resolution, before.Resolution, "from opening to resolved", ReportMetric.Resolution),
        Rate("satisfaction", "CSAT satisfaction", now.Csat.Satisfaction, before.Csat.Satisfaction, higherIsBetter: true,
            $"{ReportFormat.Count(now.Csat.Distribution.GetValueOrDefault(4) + now.Csat.Distribution.GetValueOrDefault(5))} of {Plural(now.Csat.Responses, "rating")} were 4 or 5", ReportMetric.CsatResponses),
        Rate("response-rate", "Survey response rate", now.Csat.ResponseRate, before.Csat.ResponseRate, higherIsBetter: true,
            $"{ReportFormat.Count(now.Csat.Responses)} of {Plural(now.Csat.SurveysSent, "survey")} answered", ReportMetric.CsatResponses),
        Rate("bot-containment", "Bot containment", now.BotContainmentRate, before.BotContainmentRate, higherIsBetter: true,
            "bot conversations resolved without a person", ReportMetric.BotContained),
        Duration("handover-wait", "Median handover wait", now.HandoverWait, before.HandoverWait,
            $"handed over: {ReportFormat.Percent(now.HandoverRate)} of bot conversations", ReportMetric.HandoverWait),
    ];

    /// <summary>"+12%" against the previous period; "new" when there was nothing before.</summary>
    public static string CountChange(int now, int before)
    {
        if (before == 0) return now == 0 ? "no change" : "new";
        var change = (now - before) / (double)before;
        return change == 0 ? "no change" : Signed(Math.Round(change * 100)) + "%";
    }

    /// <summary>"−2 min" (faster) or "+1 h 5 min" (slower) than the previous period.</summary>
    public static (string Text, ChangeTone Tone) DurationChange(int? now, int? before)
    {
        if (now is not { } n || before is not { } b) return (ReportFormat.None, ChangeTone.Neutral);
        if (n == b) return ("no change", ChangeTone.Neutral);
        return ((n > b ? "+" : "−") + ReportFormat.Duration(Math.Abs(n - b)), n < b ? ChangeTone.Better : ChangeTone.Worse);
    }

    /// <summary>"+4 pts": the difference of two rates in percentage points.</summary>
    public static (string Text, ChangeTone Tone) RateChange(double? now, double? before, bool higherIsBetter)
    {
        if (now is not { } n || before is not { } b) return (ReportFormat.None, ChangeTone.Neutral);
        var points = Math.Round((n - b) * 100);
        if (points == 0) return ("no change", ChangeTone.Neutral);
        return (Signed(points) + " pts", points > 0 == higherIsBetter ? ChangeTone.Better : ChangeTone.Worse);
    }

    private static HeadlineFigure Duration(string key, string label, Percentiles now, Percentiles before, string hint, ReportMetric metric)
    {
        var (change, tone) = DurationChange(now.Median, before.Median);
        return new(key, label, ReportFormat.Duration(now.Median), ReportFormat.Duration(now.P90), change, tone, hint, metric);
    }

    private static HeadlineFigure Rate(string key, string label, double? now, double? before, bool higherIsBetter, string hint, ReportMetric metric)
    {
        var (change, tone) = RateChange(now, before, higherIsBetter);
        return new(key, label, ReportFormat.Percent(now), null, change, tone, hint, metric);
    }

    private static string Signed(double value) => (value > 0 ? "+" : "−") + Math.Abs(value).ToString("0", CultureInfo.CurrentCulture);

    private static string Plural(int count, string noun) => $"{ReportFormat.Count(count)} {noun}{(count == 1 ? "" : "s")}";
}
