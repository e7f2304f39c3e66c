using Inbox.Core.Conversations;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>Report figures, each one COUNT over an index range: conversations by status, messages by time and direction.</summary>
internal sealed class ReportQueries(InboxDbContext db) : IReportQueries
{
    public async Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct)
    {
        // A thread folded into another by a contact merge is not one to work on.
        var open = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Open && c.MergedIntoConversationId == null, ct);
        var today = db.Messages.Where(m => m.CreatedAt >= dayStart && m.CreatedAt < dayEnd);
        // The patient's words and what went to them: system lines, private notes and workflow lines are rows of the thread too.
        var inbound = await today.Where(Message.FromPatient).CountAsync(ct);
        var outbound = await today.Where(Message.ToPatient).CountAsync(ct);
        return new HeadlineFigures(open, inbound, outbound);
    }

    // Filled in by the dashboard work (issue 8).
    public Task<ReportSummary> SummaryAsync(ReportFilter filter, InboxScope scope, CancellationToken ct) => throw new NotImplementedException();
    public Task<IReadOnlyList<TrendPoint>> TrendAsync(ReportFilter filter, TimeZoneInfo zone, InboxScope scope, CancellationToken ct) => throw new NotImplementedException();
    public Task<IReadOnlyList<AgentRow>> ByAgentAsync(ReportFilter filter, InboxScope scope, CancellationToken ct) => throw new NotImplementedException();
    public Task<IReadOnlyList<ChannelRow>> ByChannelAsync(ReportFilter filter, InboxScope scope, CancellationToken ct) => throw new NotImplementedException();
    public Task<IReadOnlyList<CsatComment>> CommentsAsync(ReportFilter filter, InboxScope scope, int? rating, int limit, CancellationToken ct) => throw new NotImplementedException();
    public Task<IReadOnlyList<DrillRow>> DrillAsync(ReportFilter filter, ReportMetric metric, int? rating, InboxScope scope, int limit, CancellationToken ct) => throw new NotImplementedException();
}
