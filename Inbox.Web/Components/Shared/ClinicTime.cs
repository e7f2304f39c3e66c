using System.Globalization;

namespace Inbox.Web.Components.Shared;

/// <summary>
/// Calendar days and clock times in the clinic's time zone: the server's (Inbox is self-hosted at the clinic),
/// through <see cref="TimeProvider.LocalTimeZone"/> so tests can pick any zone.
/// </summary>
internal static class ClinicTime
{
    public static DateTimeOffset Local(DateTimeOffset at, TimeProvider time) => TimeZoneInfo.ConvertTime(at, time.LocalTimeZone);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(Local(time.GetUtcNow(), time).DateTime);

    /// <summary>When <paramref name="day"/> starts in the clinic; the day ends where the next one starts (23 or 25 hours when clocks change).</summary>
    public static DateTimeOffset StartOf(DateOnly day, TimeProvider time)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, time.LocalTimeZone.GetUtcOffset(midnight));
    }

    /// <summary>"23 Nov 2026 14:32:05": an exact moment, as the audit log needs.</summary>
    public static string Moment(DateTimeOffset at, TimeProvider time) =>
        Local(at, time).ToString("d MMM yyyy HH:mm:ss", CultureInfo.CurrentCulture);

    /// <summary>"23 Nov 2026 14:32".</summary>
    public static string Minute(DateTimeOffset at, TimeProvider time) =>
        Local(at, time).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);
}
