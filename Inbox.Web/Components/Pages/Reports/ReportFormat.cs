using System.Globalization;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>How the dashboard writes its figures: durations as people say them, rates as whole percents, "—" for no value.</summary>
public static class ReportFormat
{
    public const string None = "—";

    /// <summary>"45 s", "4 min", "2 h 5 min", "3 d 4 h": two units at most, the larger first.</summary>
    public static string Duration(int? seconds)
    {
        if (seconds is not { } s) return None;
        if (s < 60) return $"{s} s";
        var minutes = (int)Math.Round(s / 60.0, MidpointRounding.AwayFromZero);
        if (minutes < 60) return $"{minutes} min";
        if (minutes < 24 * 60) return minutes % 60 == 0 ? $"{minutes / 60} h" : $"{minutes / 60} h {minutes % 60} min";
        var hours = minutes / 60;
        return hours % 24 == 0 ? $"{hours / 24} d" : $"{hours / 24} d {hours % 24} h";
    }

    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", CultureInfo.CurrentCulture) + "%" : None;

    public static string Count(int value) => value.ToString("N0", CultureInfo.CurrentCulture);
}
