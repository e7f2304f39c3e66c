using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Reports;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>
/// `GET /api/v1/reports/summary`: the dashboard's headline figures (definitions: docs/metrics.md) for supervisors'
/// and admins' keys. Only counts, rates and durations leave: no patient record is read, so nothing is audited.
/// </summary>
internal static class ReportsEndpoints
{
    /// <summary>A longer period is a question for an export, not for a summary computed on the request.</summary>
    public const int MaxDays = 366;

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Reports")
            .MapGet("/summary", SummaryAsync).RequireAuthorization(ApiPolicies.ReportsRead)
            .Produces<ReportSummaryResponse>().ProducesValidationProblem();
        return api;
    }

    private static async Task<IResult> SummaryAsync(string? from, string? to, string? channel, string? agentId, string? teamId,
        IReportQueries reports, TimeProvider clock, CancellationToken ct)
    {
        var input = new ApiQuery();
        var zone = clock.LocalTimeZone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        // Dates are clinic days, both inclusive; instants are taken as they are. Without them: the last 7 days.
        var start = Bound(from, "from", input, d => ReportFilter.StartOf(d, zone)) ?? ReportFilter.StartOf(today.AddDays(-6), zone);
        var end = Bound(to, "to", input, d => ReportFilter.StartOf(d.AddDays(1), zone)) ?? ReportFilter.StartOf(today.AddDays(1), zone);
        var channelKind = input.Enum<ChannelKind>(channel, "channel");
        var team = input.Id(teamId, "teamId");
        if (agentId is { Length: > 128 }) input.Add("agentId", "agentId is not an id this API returned.");
        if (input.IsValid && end <= start) input.Add("to", "to must be after from.");
        if (input.IsValid && end - start > TimeSpan.FromDays(MaxDays + 1)) input.Add("to", $"A summary covers at most {MaxDays} days.");
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        var filter = new ReportFilter(start, end, channelKind, team, string.IsNullOrEmpty(agentId) ? null : agentId);
        var summary = await reports.SummaryAsync(filter, ApiCallers.InboxScope, ct);
        return Results.Ok(ReportSummaryResponse.From(summary));
    }

    private static DateTimeOffset? Bound(string? raw, string field, ApiQuery input, Func<DateOnly, DateTimeOffset> dayBound)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return dayBound(day);
        // A full instant must say its offset: a bare local time would be read in the server's zone by accident.
        if (raw.Contains('T') && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            && (raw.EndsWith('Z') || raw.LastIndexOfAny(['+', '-']) > raw.IndexOf('T'))) return at.ToUniversalTime();
        input.Add(field, $"{field} must be a date (2026-11-23, a clinic day) or an ISO-8601 time with its offset (2026-11-23T08:00:00Z).");
        return null;
    }
}

/// <summary>The contract of docs/API.md: durations in seconds, rates from 0 to 1, null when there is nothing to measure.</summary>
internal sealed record ReportSummaryResponse(
    int Conversations, int MessagesIn, int MessagesOut,
    PercentilesResponse FirstResponseSeconds, PercentilesResponse ResolutionSeconds,
    CsatResponse Csat,
    double? BotContainmentRate, double? HandoverRate,
    PercentilesResponse HandoverWaitSeconds)
{
    public static ReportSummaryResponse From(ReportSummary s) => new(
        s.Conversations, s.MessagesIn, s.MessagesOut,
        PercentilesResponse.From(s.FirstResponse), PercentilesResponse.From(s.Resolution),
        new CsatResponse(s.Csat.SurveysSent, s.Csat.Responses, s.Csat.ResponseRate, s.Csat.Satisfaction,
            Enumerable.Range(1, 5).ToDictionary(r => r.ToString(CultureInfo.InvariantCulture), r => s.Csat.Distribution.GetValueOrDefault(r))),
        s.BotContainmentRate, s.HandoverRate, PercentilesResponse.From(s.HandoverWait));
}

internal sealed record PercentilesResponse(int? Median, int? P90)
{
    public static PercentilesResponse From(Percentiles p) => new(p.Median, p.P90);
}

/// <param name="Distribution">Responses per rating, keys "1" to "5", all present.</param>
internal sealed record CsatResponse(int SurveysSent, int Responses, double? ResponseRate, double? Satisfaction, IReadOnlyDictionary<string, int> Distribution);
