using System.Globalization;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>Small formatting rules the inbox shares: initials for avatars, compact relative times.</summary>
internal static class Display
{
    public static string Initials(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => "?",
            1 => parts[0][..1].ToUpper(CultureInfo.CurrentCulture),
            _ => string.Concat(parts[0][..1], parts[^1][..1]).ToUpper(CultureInfo.CurrentCulture),
        };
    }

    /// <summary>"now", "5m", "3h", then the weekday within a week, then the date.</summary>
    public static string Relative(DateTimeOffset at, DateTimeOffset now)
    {
        var age = now - at;
        if (age < TimeSpan.FromMinutes(1)) return "now";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes}m";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours}h";
        if (age < TimeSpan.FromDays(7)) return at.ToLocalTime().ToString("ddd", CultureInfo.CurrentCulture);
        return at.ToLocalTime().ToString("d MMM", CultureInfo.CurrentCulture);
    }

    public static string Clock(DateTimeOffset at, TimeProvider time) =>
        TimeZoneInfo.ConvertTime(at, time.LocalTimeZone).ToString("HH:mm", CultureInfo.CurrentCulture);

    /// <summary>"14:32" today, "tomorrow 14:32", else "Tue 14:32": for deadlines within a few days.</summary>
    public static string Deadline(DateTimeOffset at, TimeProvider time)
    {
        var local = TimeZoneInfo.ConvertTime(at, time.LocalTimeZone);
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), time.LocalTimeZone).Date;
        var clock = local.ToString("HH:mm", CultureInfo.CurrentCulture);
        return (local.Date - today).Days switch
        {
            0 => clock,
            1 => $"tomorrow {clock}",
            _ => local.ToString("ddd HH:mm", CultureInfo.CurrentCulture),
        };
    }
}
