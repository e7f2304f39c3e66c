using System.Globalization;

namespace Inbox.Core.Bot;

/// <summary>When people answer, in the clinic's time zone (an IANA id such as "Asia/Bangkok").</summary>
public sealed class BusinessHours
{
    public string TimeZone { get; set; } = "UTC";
    public List<OpeningHours> Days { get; set; } = [];

    public TimeZoneInfo Zone() => TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public bool IsOpen(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone());
        var time = TimeOnly.FromDateTime(local.DateTime);
        return Days.Any(d => d.Day == local.DayOfWeek && d.Opens <= time && time < d.Closes);
    }

    /// <summary>The next time the clinic opens after <paramref name="now"/>, in clinic time; null when no hours are set.</summary>
    public DateTime? NextOpening(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone()).DateTime;
        for (var day = 0; day <= 7; day++)
        {
            var date = local.Date.AddDays(day);
            foreach (var hours in Days.Where(d => d.Day == date.DayOfWeek).OrderBy(d => d.Opens))
            {
                var opening = date + hours.Opens.ToTimeSpan();
                if (opening > local) return opening;
            }
        }
        return null;
    }

    /// <summary>"Monday 08:00–17:00", one line per opening, Monday first.</summary>
    public string Describe() => string.Join("\n", Days
        .OrderBy(d => ((int)d.Day + 6) % 7).ThenBy(d => d.Opens)
        .Select(d => $"{CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d.Day)} {d.Opens:HH\\:mm}–{d.Closes:HH\\:mm}"));

    /// <summary>"Monday at 08:00", or "today at 13:00" / "tomorrow at 08:00" when that is clearer.</summary>
    public static string DescribeOpening(DateTime opening, DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = TimeZoneInfo.ConvertTime(now, zone).Date;
        var day = opening.Date == today ? "today" : opening.Date == today.AddDays(1) ? "tomorrow"
            : CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(opening.DayOfWeek);
        return $"{day} at {opening:HH\\:mm}";
    }
}

public sealed class OpeningHours
{
    public DayOfWeek Day { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }
}
