using Inbox.Core.Reports;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>A drill-down: the conversations behind one figure, in the view it was opened from (narrowed to a person or channel).</summary>
public sealed record DrillRequest(DashboardQuery Query, ReportMetric Metric, int? Rating, string Title);

/// <summary>
/// One column of a dashboard table: its header, how it sorts, what the screen shows, what the CSV holds (plain values:
/// seconds, fractions, invariant culture) and, for a figure, the drill-down it opens. The screen and the export share
/// these definitions so a CSV always has the columns the table has.
/// </summary>
public sealed record ReportColumn<TRow>(
    string Key,
    string Header,
    Func<TRow, IComparable?> SortBy,
    Func<TRow, string> Text,
    Func<TRow, string?> Csv,
    Func<TRow, DashboardQuery, DrillRequest?>? Drill = null,
    bool Numeric = true);
