using System.Globalization;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries.Reports;

namespace Inbox.Infrastructure.Persistence.Queries;

internal sealed partial class ReportQueries
{
    /// <summary>Four queries whatever the number of days: each groups its rows by clinic day in SQL.</summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendAsync(ReportFilter filter, TimeZoneInfo zone, InboxScope scope, CancellationToken ct)
    {
        var days = ClinicDays(filter, zone);
        if (days.Count == 0) return [];
        // Where each day after the first starts; a row before the second day's start is day 0, and so on.
        var group = SampleGroup.Days(days.Skip(1).Select(d => ReportFilter.StartOf(d, zone)).ToList());
        var sources = new ReportSources(db, filter, scope);
        var conversations = await sources.PatientMessages.TallyAsync(db, group, ct);
        var firstResponse = await sources.FirstResponses.RankAsync(db, group, ct);
        var resolution = await sources.Resolutions.RankAsync(db, group, ct);
        var ratings = await sources.Ratings.TallyAsync(db, group, ct);
        return days.Select((day, i) =>
        {
            var key = i.ToString(CultureInfo.InvariantCulture);
            var rated = ratings.GetValueOrDefault(key);
            return new TrendPoint(day, conversations.GetValueOrDefault(key)?.Conversations ?? 0,
                firstResponse.GetValueOrDefault(key)?.Median, resolution.GetValueOrDefault(key)?.Median,
                rated?.Count ?? 0, rated is null ? null : Ratio(rated.Good, rated.Count));
        }).ToList();
    }

    /// <summary>The clinic days the period touches, from the day holding From to the one holding the last instant before To.</summary>
    private static List<DateOnly> ClinicDays(ReportFilter filter, TimeZoneInfo zone)
    {
        if (filter.To <= filter.From) return [];
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(filter.From, zone).DateTime);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(filter.To.AddTicks(-1), zone).DateTime);
        var days = new List<DateOnly>();
        for (var day = first; day <= last; day = day.AddDays(1)) days.Add(day);
        return days;
    }
}
