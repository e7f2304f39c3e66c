using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Reports;
using Inbox.Web.Components.Shared;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>The dashboard's date presets: whole clinic days ending today, or any range of days.</summary>
public enum DatePreset { Today, Last7Days, Last30Days, Custom }

/// <summary>
/// What the dashboard shows, as it stands in the URL (<c>/reports?range=30d&amp;channel=WhatsApp&amp;team=…&amp;person=…</c>),
/// so a link or the back button brings the same view back; the CSV export reads the same parameters. Dates are clinic
/// days: <see cref="ToFilter"/> turns them into instants in the clinic's time zone.
/// </summary>
public sealed record DashboardQuery(DatePreset Preset, DateOnly? First = null, DateOnly? Last = null, ChannelKind? Channel = null, Guid? TeamId = null, string? PersonId = null)
{
    public static DashboardQuery Default { get; } = new(DatePreset.Last7Days);

    /// <summary>Parameter names, shared by the page, its links and the export endpoint.</summary>
    public const string RangeKey = "range", FromKey = "from", ToKey = "to", ChannelKey = "channel", TeamKey = "team", PersonKey = "person";

    private const string DayFormat = "yyyy-MM-dd";

    /// <summary>Reads the parameters; anything unreadable falls back to the default rather than failing the page.</summary>
    public static DashboardQuery Parse(string? range, string? from, string? to, string? channel, string? team, string? person)
    {
        var preset = range switch { "today" => DatePreset.Today, "30d" => DatePreset.Last30Days, "custom" => DatePreset.Custom, _ => DatePreset.Last7Days };
        DateOnly? first = Day(from), last = Day(to);
        if (preset == DatePreset.Custom && (first is null || last is null || last < first)) (preset, first, last) = (DatePreset.Last7Days, null, null);
        if (preset != DatePreset.Custom) (first, last) = (null, null);
        return new DashboardQuery(preset, first, last,
            Enum.TryParse<ChannelKind>(channel, ignoreCase: true, out var c) && Enum.IsDefined(c) ? c : null,
            Guid.TryParse(team, out var t) ? t : null,
            string.IsNullOrWhiteSpace(person) ? null : person);
    }

    public static DashboardQuery Parse(Func<string, string?> get) =>
        Parse(get(RangeKey), get(FromKey), get(ToKey), get(ChannelKey), get(TeamKey), get(PersonKey));

    /// <summary>The clinic days covered, first and last inclusive, counted back from <paramref name="today"/>.</summary>
    public (DateOnly First, DateOnly Last) Days(DateOnly today) => Preset switch
    {
        DatePreset.Today => (today, today),
        DatePreset.Last30Days => (today.AddDays(-29), today),
        DatePreset.Custom when First is { } f && Last is { } l => (f, l),
        _ => (today.AddDays(-6), today),
    };

    public ReportFilter ToFilter(TimeProvider time)
    {
        var (first, last) = Days(ClinicTime.Today(time));
        return ReportFilter.ForDays(first, last, time.LocalTimeZone, Channel, TeamId, PersonId);
    }

    /// <summary>"range=custom&amp;from=2026-11-01&amp;to=2026-11-20&amp;channel=Line": only what differs from the default.</summary>
    public string ToQueryString()
    {
        var parts = new List<string>();
        if (Preset != DatePreset.Last7Days) parts.Add($"{RangeKey}={PresetKey(Preset)}");
        if (Preset == DatePreset.Custom)
        {
            parts.Add($"{FromKey}={First!.Value.ToString(DayFormat, CultureInfo.InvariantCulture)}");
            parts.Add($"{ToKey}={Last!.Value.ToString(DayFormat, CultureInfo.InvariantCulture)}");
        }
        if (Channel is { } channel) parts.Add($"{ChannelKey}={channel}");
        if (TeamId is { } team) parts.Add($"{TeamKey}={team}");
        if (PersonId is { } person) parts.Add($"{PersonKey}={Uri.EscapeDataString(person)}");
        return string.Join('&', parts);
    }

    public static string PresetKey(DatePreset preset) => preset switch
    {
        DatePreset.Today => "today",
        DatePreset.Last30Days => "30d",
        DatePreset.Custom => "custom",
        _ => "7d",
    };

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
