using Inbox.Core.Reports;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>Links to <c>GET /reports/export/{table}.csv</c> (Endpoints/ReportExportEndpoints): the dashboard's query plus what the table needs.</summary>
public static class ReportExport
{
    public const string Route = "/reports/export";
    public const string MetricKey = "metric", RatingKey = "rating";

    public static string Url(string table, DashboardQuery query, string? extra = null)
    {
        var parts = new[] { query.ToQueryString(), extra }.Where(p => !string.IsNullOrEmpty(p));
        var qs = string.Join('&', parts);
        return $"{Route}/{table}.csv" + (qs.Length == 0 ? "" : "?" + qs);
    }

    public static string Metric(ReportMetric metric, int? rating) => $"{MetricKey}={metric}" + (Rating(rating) is { } r ? "&" + r : "");

    public static string? Rating(int? rating) => rating is { } r ? $"{RatingKey}={r}" : null;
}
