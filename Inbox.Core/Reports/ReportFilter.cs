using Inbox.Core.Channels;

namespace Inbox.Core.Reports;

/// <summary>
/// Which slice of the clinic's work a report covers: the period [<see cref="From"/>, <see cref="To"/>) — the
/// start of the first and the end of the last calendar day in the clinic's time zone (<see cref="ForDays"/>) —
/// and optionally one channel, team or person. Definitions of what each filter selects: docs/metrics.md.
/// </summary>
public sealed record ReportFilter(DateTimeOffset From, DateTimeOffset To, ChannelKind? Channel = null, Guid? TeamId = null, string? AgentId = null)
{
    /// <summary>Whole clinic days, <paramref name="first"/> to <paramref name="last"/> inclusive, in <paramref name="zone"/>
    /// (a day is 23 or 25 hours when the clocks change).</summary>
    public static ReportFilter ForDays(DateOnly first, DateOnly last, TimeZoneInfo zone, ChannelKind? channel = null, Guid? teamId = null, string? agentId = null)
    {
        if (last < first) throw new ArgumentException("The period ends before it starts.", nameof(last));
        return new ReportFilter(StartOf(first, zone), StartOf(last.AddDays(1), zone), channel, teamId, agentId);
    }

    /// <summary>The same length of time just before this one, for "change against the previous period".</summary>
    public ReportFilter Previous() => this with { From = From - (To - From), To = From };

    public static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a clock change starts the day at the first valid minute after it.
        while (zone.IsInvalidTime(midnight)) midnight = midnight.AddMinutes(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }
}
