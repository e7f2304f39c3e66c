using System.Globalization;
using System.Text;
using Inbox.Core.Audit;
using Inbox.Core.Reports;
using Inbox.Infrastructure.Teams;
using Inbox.Web.Auth;
using Inbox.Web.Components.Pages.Reports;

namespace Inbox.Web.Endpoints;

/// <summary>
/// `GET /reports/export/{table}.csv` — a dashboard table as a CSV download, with the page's filters (same query
/// parameters) and its policy. Exports of patients' names (comments, drill-down) are audited per conversation, the
/// others once per table.
/// </summary>
internal static class ReportExportEndpoints
{
    /// <summary>Enough for any clinic's period, and a bound on what one request reads.</summary>
    public const int RowLimit = 10_000;

    public static IEndpointRouteBuilder MapReportExports(this IEndpointRouteBuilder app)
    {
        app.MapGet(ReportExport.Route + "/{table}.csv", ExportAsync).RequireAuthorization(Policies.ViewReports).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ExportAsync(string table, HttpContext http, IReportQueries reports, InboxScopes scopes, IAuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        string? Get(string key) => http.Request.Query[key].FirstOrDefault();
        var query = DashboardQuery.Parse(Get);
        var filter = query.ToFilter(clock);
        var scope = await CircuitInboxScope.ForAsync(scopes, http.User, ct);
        int? rating = int.TryParse(Get(ReportExport.RatingKey), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r is >= 1 and <= 5 ? r : null;
        var detail = $"table={table}" + (http.Request.QueryString.HasValue ? "&" + http.Request.QueryString.Value![1..] : "");

        string csv;
        IEnumerable<Guid>? conversations = null;
        switch (table)
        {
            case ReportTables.Agents:
                csv = ReportCsv.Write(ReportTables.AgentColumns, await reports.ByAgentAsync(filter, scope, ct));
                break;
            case ReportTables.Channels:
                csv = ReportCsv.Write(ReportTables.ChannelColumns, await reports.ByChannelAsync(filter, scope, ct));
                break;
            case ReportTables.Comments:
                var comments = await reports.CommentsAsync(filter, scope, rating, RowLimit, ct);
                csv = ReportCsv.Write(ReportTables.CommentColumns, comments);
                conversations = comments.Select(c => c.ConversationId);
                break;
            case ReportTables.Drill:
                if (!Enum.TryParse<ReportMetric>(Get(ReportExport.MetricKey), ignoreCase: true, out var metric) || !Enum.IsDefined(metric))
                    return Results.BadRequest("Say which figure to list: metric=" + string.Join('|', Enum.GetNames<ReportMetric>()));
                var rows = await reports.DrillAsync(filter, metric, rating, scope, RowLimit, ct);
                csv = ReportCsv.Write(ReportTables.DrillColumns(metric), rows);
                conversations = rows.Select(d => d.ConversationId);
                break;
            default:
                return Results.NotFound();
        }

        var (at, actor, ip) = (clock.GetUtcNow(), StaffClaims.ActorOf(http.User), StaffClaims.IpOf(http.User));
        List<AuditEntry> entries = conversations is null
            ? [new AuditEntry(at, actor, AuditActions.ReportExport, AuditSubjects.Report, table, ip, detail)]
            : [.. conversations.Distinct().Select(id => new AuditEntry(at, actor, AuditActions.ReportExport, AuditSubjects.Conversation, id.ToString(), ip, detail))];
        if (entries.Count > 0) await audit.RecordAsync(entries, ct);

        http.Response.Headers.CacheControl = "private, no-store";
        var (first, last) = query.Days(Components.Shared.ClinicTime.Today(clock));
        var fileName = $"{table}-{first:yyyy-MM-dd}-{last:yyyy-MM-dd}.csv";
        // The byte-order mark makes spreadsheet programs read the names as UTF-8.
        return Results.File([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], "text/csv; charset=utf-8", fileName);
    }
}
