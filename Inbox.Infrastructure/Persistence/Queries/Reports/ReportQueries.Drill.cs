using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries.Reports;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

internal sealed partial class ReportQueries
{
    /// <summary>Answered surveys of the period with a comment, newest answer first; three queries (surveys, contacts, names).</summary>
    public async Task<IReadOnlyList<CsatComment>> CommentsAsync(ReportFilter filter, InboxScope scope, int? rating, int limit, CancellationToken ct)
    {
        var surveys = new ReportSources(db, filter, scope).Surveys.Where(s => s.Rating != null && s.Comment != null);
        if (rating is { } only) surveys = surveys.Where(s => s.Rating == only);
        var rows = await surveys.OrderByDescending(s => s.AnsweredAt).ThenByDescending(s => s.Id).Take(limit)
            .Select(s => new { s.Id, s.ConversationId, s.Channel, s.AgentId, Rating = s.Rating!.Value, s.Comment, AnsweredAt = s.AnsweredAt!.Value })
            .ToListAsync(ct);
        var contacts = await ContactNamesAsync(rows.Select(r => r.ConversationId), ct);
        var names = await NamesAsync(rows.Select(r => r.AgentId), ct);
        return rows.Select(r => new CsatComment(r.Id, r.ConversationId, contacts.GetValueOrDefault(r.ConversationId) ?? "", r.Channel,
            r.AgentId is null ? null : names[r.AgentId], r.Rating, r.Comment, r.AnsweredAt)).ToList();
    }

    /// <summary>The conversations behind a figure, at most <paramref name="limit"/>: three queries (the rows, contacts, names).</summary>
    public async Task<IReadOnlyList<DrillRow>> DrillAsync(ReportFilter filter, ReportMetric metric, int? rating, InboxScope scope, int limit, CancellationToken ct)
    {
        var sources = new ReportSources(db, filter, scope);
        var samples = await (metric switch
        {
            // The patient's latest message of the period per conversation, newest first; who has it now.
            ReportMetric.Conversations => LatestPatientMessages(sources, limit).ToListAsync(ct),
            // Durations and ratings: worst first.
            ReportMetric.FirstResponse => sources.FirstResponses.OrderByDescending(s => s.Value).ThenByDescending(s => s.At).Take(limit).ToListAsync(ct),
            ReportMetric.Resolution => sources.Resolutions.OrderByDescending(s => s.Value).ThenByDescending(s => s.At).Take(limit).ToListAsync(ct),
            ReportMetric.HandoverWait => sources.PickUps.OrderByDescending(s => s.Value).ThenByDescending(s => s.At).Take(limit).ToListAsync(ct),
            ReportMetric.CsatResponses => (rating is { } only ? sources.Ratings.Where(s => s.Value == only) : sources.Ratings)
                .OrderBy(s => s.Value).ThenByDescending(s => s.At).Take(limit).ToListAsync(ct),
            ReportMetric.BotContained => BotEpisodes(sources, contained: true).OrderByDescending(s => s.At).Take(limit).ToListAsync(ct),
            ReportMetric.HandedOver => BotEpisodes(sources, contained: false).OrderByDescending(s => s.At).Take(limit).ToListAsync(ct),
            _ => throw new ArgumentOutOfRangeException(nameof(metric)),
        });
        var contacts = await ContactNamesAsync(samples.Select(s => s.ConversationId), ct);
        var names = await NamesAsync(samples.Select(s => s.Agent), ct);
        return samples.Select(s => new DrillRow(s.ConversationId, contacts.GetValueOrDefault(s.ConversationId) ?? "", s.Channel,
            s.Agent is null ? null : names[s.Agent], s.At, s.Value)).ToList();
    }

    private IQueryable<ReportSample> LatestPatientMessages(ReportSources sources, int limit)
    {
        var latest = sources.MessagesIn.GroupBy(m => m.ConversationId).Select(g => new { ConversationId = g.Key, At = g.Max(m => m.CreatedAt) })
            .OrderByDescending(x => x.At).Take(limit);
        return latest.Join(db.Conversations, x => x.ConversationId, c => c.Id, (x, c) =>
                new ReportSample { ConversationId = x.ConversationId, Agent = c.AssigneeId, Channel = c.LastInboundChannel, At = x.At, Value = null })
            .OrderByDescending(s => s.At);
    }

    /// <summary>Episodes resolved in the period that the bot had: kept by it (no human reply) or handed over (value: the wait).</summary>
    private static IQueryable<ReportSample> BotEpisodes(ReportSources sources, bool contained) =>
        sources.Resolved.Where(e => e.WithBot && (contained ? e.HumanReplies == 0 : e.HandedOverAt != null))
            .Select(e => new ReportSample { ConversationId = e.ConversationId, Agent = e.ResolvedBy, Channel = e.Channel, At = e.ResolvedAt, Value = contained ? null : e.HandoverWaitSeconds });

    /// <summary>The patient's name per conversation, one query. The caller audits the read (it knows who asked).</summary>
    private async Task<Dictionary<Guid, string>> ContactNamesAsync(IEnumerable<Guid> conversationIds, CancellationToken ct)
    {
        var ids = conversationIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        return await db.Conversations.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Join(db.Contacts, c => c.ContactId, k => k.Id, (c, k) => new { c.Id, k.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, ct);
    }
}
