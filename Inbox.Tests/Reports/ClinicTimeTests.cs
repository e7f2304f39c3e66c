using Inbox.Web.Components.Shared;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Reports;

/// <summary>"Today" is the clinic's calendar day, however long it is.</summary>
public sealed class ClinicTimeTests
{
    private static FakeTimeProvider ClockIn(string zone, DateTimeOffset now)
    {
        var clock = new FakeTimeProvider(now);
        clock.SetLocalTimeZone(TimeZoneInfo.FindSystemTimeZoneById(zone));
        return clock;
    }

    [Fact]
    public void Today_is_the_clinics_date_not_the_servers_utc_date()
    {
        // 20:30 UTC on 23 Nov is already 24 Nov in Hong Kong.
        var clock = ClockIn("Asia/Hong_Kong", new DateTimeOffset(2026, 11, 23, 20, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 24), ClinicTime.Today(clock));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(8)), ClinicTime.StartOf(new DateOnly(2026, 11, 24), clock));
    }

    [Fact]
    public void The_day_the_clocks_go_forward_is_23_hours_long()
    {
        var clock = ClockIn("Europe/Berlin", new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero));
        var day = new DateOnly(2026, 3, 29);

        var length = ClinicTime.StartOf(day.AddDays(1), clock) - ClinicTime.StartOf(day, clock);

        Assert.Equal(TimeSpan.FromHours(23), length);
    }
}
