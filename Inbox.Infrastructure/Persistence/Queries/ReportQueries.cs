using Inbox.Core.Conversations;
using Inbox.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>
/// The reports (definitions: docs/metrics.md). Every figure is computed by the database from facts recorded per
/// episode when they happened (<see cref="ConversationEpisode"/>, the conversation's Episode* columns, CsatSurveys) and
/// from message counts over the (CreatedAt, Direction) index: counts and percentiles by rank, never rows loaded to be
/// counted here. The figures are split by kind: Reports/ReportQueries.Summary, .Trend, .Tables, .Drill.
/// </summary>
internal sealed partial class ReportQueries(InboxDbContext db) : IReportQueries
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

    /// <summary>Staff display names of the ids, one query; an id that is no staff member (an API key) names itself.</summary>
    private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        var names = wanted.Count == 0 ? [] : await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.DisplayName }).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var id in wanted) names.TryAdd(id, id);
        return names;
    }

    private static double? Ratio(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
