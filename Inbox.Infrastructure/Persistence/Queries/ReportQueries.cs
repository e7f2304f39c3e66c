using Inbox.Core.Conversations;
using Inbox.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>Report figures, each one COUNT over an index: conversations by status, messages by time and direction.</summary>
internal sealed class ReportQueries(InboxDbContext db) : IReportQueries
{
    public async Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct)
    {
        var open = await db.Conversations.CountAsync(c => c.Status == ConversationStatus.Open, ct);
        var today = db.Messages.Where(m => m.CreatedAt >= dayStart && m.CreatedAt < dayEnd);
        var inbound = await today.CountAsync(m => m.Direction == MessageDirection.In, ct);
        // Private notes are rows of the thread too, but nothing was sent.
        var outbound = await today.CountAsync(m => m.Direction == MessageDirection.Out && m.Type != MessageType.Note, ct);
        return new HeadlineFigures(open, inbound, outbound);
    }
}
