using System.Text;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>
/// RFC 4180 CSV of a dashboard table. Cells a spreadsheet would run as a formula (starting with = + - @, tab or
/// carriage return) get a leading apostrophe, since comments and names are typed by patients.
/// </summary>
public static class ReportCsv
{
    public static string Write<TRow>(IReadOnlyList<ReportColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        var csv = new StringBuilder();
        AppendLine(csv, columns.Select(c => c.Header));
        foreach (var row in rows) AppendLine(csv, columns.Select(c => c.Csv(row)));
        return csv.ToString();
    }

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
