using System.Net;
using System.Text;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Tests.Integration;

/// <summary>`GET /reports/export/{table}.csv` over real HTTP: the page's filters, its policy, CSV a spreadsheet cannot turn into formulas, and audit.</summary>
public sealed class ReportExportTests(ReportExportTests.App app) : IClassFixture<ReportExportTests.App>
{
    /// <summary>The report figures are the metrics work's; here a stand-in that answers fixed rows and notes what it was asked.</summary>
    public sealed class App() : InboxWebApplicationFactory(services: s =>
    {
        s.RemoveAll<IReportQueries>();
        s.AddSingleton<IReportQueries>(Reports);
    })
    {
        public static readonly FixedReports Reports = new();
    }

    public sealed class FixedReports : IReportQueries
    {
        public static readonly Guid First = Guid.NewGuid(), Second = Guid.NewGuid();
        public List<(ReportFilter Filter, object What)> Asked { get; } = [];

        public Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct) => Task.FromResult(new HeadlineFigures(0, 0, 0));
        public Task<ReportSummary> SummaryAsync(ReportFilter filter, InboxScope scope, CancellationToken ct) => throw new NotSupportedException();
        public Task<IReadOnlyList<TrendPoint>> TrendAsync(ReportFilter filter, TimeZoneInfo zone, InboxScope scope, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<AgentRow>> ByAgentAsync(ReportFilter filter, InboxScope scope, CancellationToken ct)
        {
            Asked.Add((filter, "agents"));
            return Task.FromResult<IReadOnlyList<AgentRow>>([new("a1", "Alice", 3, new Percentiles(2, 60, 120), 1, new Percentiles(1, 3600, 3600), 1, 1)]);
        }

        public Task<IReadOnlyList<ChannelRow>> ByChannelAsync(ReportFilter filter, InboxScope scope, CancellationToken ct) => throw new NotSupportedException();

        public Task<IReadOnlyList<CsatComment>> CommentsAsync(ReportFilter filter, InboxScope scope, int? rating, int limit, CancellationToken ct)
        {
            Asked.Add((filter, $"comments rating={rating}"));
            return Task.FromResult<IReadOnlyList<CsatComment>>(
            [
                new(Guid.NewGuid(), First, "Santos, Maria", ChannelKind.Messenger, "Alice", 1, "=HYPERLINK(\"http://evil\",\"click\")", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero)),
                new(Guid.NewGuid(), Second, "Ben", ChannelKind.WhatsApp, null, 1, "two\nlines", new DateTimeOffset(2026, 11, 19, 9, 0, 0, TimeSpan.Zero)),
            ]);
        }

        public Task<IReadOnlyList<DrillRow>> DrillAsync(ReportFilter filter, ReportMetric metric, int? rating, InboxScope scope, int limit, CancellationToken ct)
        {
            Asked.Add((filter, $"drill {metric} rating={rating}"));
            return Task.FromResult<IReadOnlyList<DrillRow>>([new(First, "+Eve", ChannelKind.Line, "Alice", new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero), 420)]);
        }
    }

    private async Task<List<Inbox.Infrastructure.Audit.AuditRecord>> AuditAsync(string action, long after)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditLog.AsNoTracking().Where(a => a.Action == action && a.Id > after).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<long> LastAuditIdAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditLog.MaxAsync(a => (long?)a.Id) ?? 0;
    }

    [Fact]
    public async Task Comments_export_as_csv_with_the_pages_filters_escaped_and_defused_and_each_conversation_is_audited()
    {
        var supervisor = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Supervisor);
        var before = await LastAuditIdAsync();

        var response = await supervisor.GetAsync("/reports/export/comments.csv?range=custom&from=2026-11-01&to=2026-11-20&channel=Messenger&rating=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("comments-2026-11-01-2026-11-20.csv", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "Answered,Rating,Comment,Patient,Channel,Resolved by,Conversation\r\n" +
            $"2026-11-20T09:00:00.0000000+00:00,1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",\"Santos, Maria\",Messenger,Alice,{FixedReports.First}\r\n" +
            $"2026-11-19T09:00:00.0000000+00:00,1,\"two\nlines\",Ben,WhatsApp,,{FixedReports.Second}\r\n", csv);

        var (filter, what) = App.Reports.Asked.Last(a => a.What is string s && s.StartsWith("comments", StringComparison.Ordinal));
        Assert.Equal("comments rating=1", what);
        Assert.Equal(ChannelKind.Messenger, filter.Channel);
        Assert.Equal(TimeSpan.FromDays(20), filter.To - filter.From);
        var audit = await AuditAsync(AuditActions.ReportExport, before);
        Assert.Equal([FixedReports.First.ToString(), FixedReports.Second.ToString()], audit.Select(a => a.SubjectId));
        Assert.All(audit, a => Assert.Equal((AuditSubjects.Conversation, "staff"), (a.SubjectType, a.ActorKind)));
        Assert.StartsWith("table=comments&range=custom", audit[0].Detail);
    }

    [Fact]
    public async Task A_drill_down_exports_its_figure_and_a_table_without_patients_is_audited_once()
    {
        var supervisor = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Supervisor);
        var before = await LastAuditIdAsync();

        var drill = await supervisor.GetStringAsync("/reports/export/drill-down.csv?range=today&person=a1&metric=FirstResponse");
        var agents = await supervisor.GetStringAsync("/reports/export/per-person.csv?range=30d");

        Assert.Equal($"Patient,Channel,Person,When,First response (s),Conversation\r\n'+Eve,Line,Alice,2026-11-20T09:00:00.0000000+00:00,420,{FixedReports.First}\r\n", drill);
        Assert.Contains(App.Reports.Asked, a => a.What is "drill FirstResponse rating=" && a.Filter.AgentId == "a1");
        Assert.Equal("Person,Replies,Median first response,First response p90,Resolved,Median resolution,Ratings,Satisfaction\r\nAlice,3,60,120,1,3600,1,1\r\n", agents);
        var audit = await AuditAsync(AuditActions.ReportExport, before);
        Assert.Equal([(AuditSubjects.Conversation, FixedReports.First.ToString()), (AuditSubjects.Report, "per-person")], audit.Select(a => (a.SubjectType, a.SubjectId)));
    }

    [Fact]
    public async Task Only_people_who_may_view_reports_can_export_and_unknown_tables_or_figures_are_refused()
    {
        var agent = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Agent);
        var refused = await agent.GetAsync("/reports/export/per-person.csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.NewClient(app).GetAsync("/reports/export/per-person.csv")).StatusCode);

        var admin = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Admin);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/reports/export/patients.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/reports/export/drill-down.csv?metric=Everything")).StatusCode);
    }
}
