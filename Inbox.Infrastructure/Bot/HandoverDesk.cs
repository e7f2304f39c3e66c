using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Bot;

internal sealed class HandoverDesk(InboxDbContext db, SqliteWriteGate writeGate, IInboxNotifier notifier, IAuditTrail audit, TimeProvider clock) : IHandoverDesk
{
    public async Task<IReadOnlyList<HandoverQueueItem>> QueueAsync(InboxScope scope, CancellationToken ct)
    {
        // Seeks the (Status, LastMessageAt, Id) index; the queue is short, so ordering by priority happens here.
        var waiting = await db.VisibleConversations(scope)
            .Where(c => c.Status == ConversationStatus.Pending && c.HandledBy == HandledBy.Human && c.AssigneeId == null && c.HandedOverAt != null)
            .Join(db.Contacts, c => c.ContactId, p => p.Id, (c, p) => new { c.Id, p.Name, c.HandoverReason, c.HandoverSummary, c.Priority, c.LastInboundChannel, c.HandedOverAt })
            .OrderBy(w => w.HandedOverAt).Take(500).ToListAsync(ct);
        return waiting.OrderByDescending(w => w.Priority).ThenBy(w => w.HandedOverAt)
            .Select(w => new HandoverQueueItem(w.Id, w.Name, w.HandoverReason ?? "", w.HandoverSummary, w.Priority, w.LastInboundChannel, w.HandedOverAt!.Value))
            .ToList();
    }

    public async Task<HandoverDetails?> DetailsAsync(InboxScope scope, Guid conversationId, CancellationToken ct)
    {
        // The row itself (one primary-key read), so whether it waits is the aggregate's own rule.
        var c = await db.VisibleConversations(scope).FirstOrDefaultAsync(x => x.Id == conversationId, ct);
        return c?.HandoverReason is { } reason ? new HandoverDetails(reason, c.HandoverSummary, c.AwaitsPickup) : null;
    }

    public Task<OwnershipOutcome> HandOverAsync(InboxScope scope, Guid conversationId, string reason, AuditActor actor, string? ip, CancellationToken ct) =>
        ChangeAsync(scope, conversationId, c => c.HandOver(reason, c.BotState is { } s ? FlowBotEngine.Summary(s, consent: null) : null, Priority.Normal, clock.GetUtcNow()),
            AuditActions.Handover, actor, ip, ct);

    public Task<OwnershipOutcome> TakeAsync(InboxScope scope, Guid conversationId, string agentId, AuditActor actor, string? ip, CancellationToken ct) =>
        ChangeAsync(scope, conversationId, c =>
        {
            if (c.HandledBy == HandledBy.Bot) c.TakeOver(agentId, clock.GetUtcNow());
            else c.Take(agentId, clock.GetUtcNow());
        }, AuditActions.HandoverTake, actor, ip, ct);

    public Task<OwnershipOutcome> HandBackAsync(InboxScope scope, Guid conversationId, AuditActor actor, string? ip, CancellationToken ct) =>
        ChangeAsync(scope, conversationId, c => c.HandBack(), AuditActions.Handback, actor, ip, ct);

    /// <summary>
    /// The aggregate decides the change; the UPDATE applies it only if the row still holds the owner, status and
    /// assignee the decision was made on. Two agents taking at once: the second UPDATE matches no row.
    /// </summary>
    private async Task<OwnershipOutcome> ChangeAsync(InboxScope scope, Guid id, Action<Conversation> change, string action, AuditActor actor, string? ip, CancellationToken ct)
    {
        var c = await db.Conversations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !scope.Allows(c.SharedInboxId)) return OwnershipOutcome.NotFound;
        var (handledBy, status, assignee) = (c.HandledBy, c.Status, c.AssigneeId);
        try { change(c); }
        catch (InboxDomainException) { return OwnershipOutcome.Conflict; }

        int rows;
        using (await writeGate.EnterAsync(db, ct))
        {
            rows = await db.Conversations
                .Where(x => x.Id == id && x.HandledBy == handledBy && x.Status == status && x.AssigneeId == assignee)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.HandledBy, c.HandledBy)
                    .SetProperty(x => x.Status, c.Status)
                    .SetProperty(x => x.AssigneeId, c.AssigneeId)
                    .SetProperty(x => x.Priority, c.Priority)
                    .SetProperty(x => x.HandoverReason, c.HandoverReason)
                    .SetProperty(x => x.HandoverSummary, c.HandoverSummary)
                    .SetProperty(x => x.HandedOverAt, c.HandedOverAt)
                    .SetProperty(x => x.BotState, c.BotState)
                    .SetProperty(x => x.BotFlowVersionId, c.BotFlowVersionId)
                    // The episode's handover and pick-up, for the reports.
                    .SetProperty(x => x.EpisodeHandedOverAt, c.EpisodeHandedOverAt)
                    .SetProperty(x => x.EpisodePickedUpAt, c.EpisodePickedUpAt)
                    .SetProperty(x => x.EpisodeHandoverWaitSeconds, c.EpisodeHandoverWaitSeconds), ct);
        }
        if (rows == 0) return OwnershipOutcome.Conflict;
        await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor, action, AuditSubjects.Conversation, id.ToString(), ip)], ct);
        await notifier.PublishAsync([new InboxChange(InboxChangeKind.ConversationUpdated, id)], ct);
        return OwnershipOutcome.Done;
    }
}
