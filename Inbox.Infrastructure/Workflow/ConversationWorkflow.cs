using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Core.Labels;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Workflow;

/// <summary>
/// Status, priority, assignment, labels and read markers: each change is one save (the conversation, its episode
/// or labels, and the thread's activity line together), then one audit entry and one live-feed change.
/// </summary>
internal sealed class ConversationWorkflow(
    InboxDbContext db,
    IConversationQueries queries,
    IAuditTrail audit,
    IInboxNotifier notifier,
    AssignableStaff assignable,
    AutoAssignWork autoAssign,
    Csat.SurveySender surveys,
    Jobs.OutboundWork outbound,
    TimeProvider clock) : IConversationWorkflow
{
    public async Task<ConversationListItem?> ChangeStatusAsync(InboxScope scope, Guid conversationId, ConversationStatus to, DateTimeOffset? snoozeUntil,
        WorkflowActor actor, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return null;
        var now = clock.GetUtcNow();
        string line, action;
        ConversationEpisode? resolved = null;
        switch (to)
        {
            case ConversationStatus.Resolved:
                resolved = conversation.Resolve(now, actor.Audit.Id);
                db.ConversationEpisodes.Add(resolved);
                (line, action) = ($"Resolved by {actor.Name}", AuditActions.ConversationResolve);
                break;
            case ConversationStatus.Open:
                conversation.Reopen(now);
                (line, action) = ($"Reopened by {actor.Name}", AuditActions.ConversationReopen);
                break;
            case ConversationStatus.Pending:
                conversation.MarkPending();
                (line, action) = ($"{actor.Name} marked this pending", AuditActions.ConversationStatusChange);
                break;
            default:
                conversation.Snooze(snoozeUntil, now);
                (line, action) = (snoozeUntil is { } until ? $"{actor.Name} snoozed this until {until.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : $"{actor.Name} snoozed this until the patient writes",
                    AuditActions.ConversationStatusChange);
                break;
        }
        await AddLineAsync(conversation, line, actor, now, ct);
        // The episode's satisfaction survey (or the line saying why not) is saved with the resolution, in one transaction.
        var survey = resolved is null ? null : await surveys.AddForResolutionAsync(conversation, resolved, now, ct);
        if (survey?.MessageId is { } surveyMessage) _lines.Add(surveyMessage);
        await SaveAsync(ct);
        if (survey?.Queued == true) outbound.Pulse();
        // A reopened, unassigned thread may go round-robin again.
        if (to == ConversationStatus.Open) autoAssign.Pulse();
        return await FinishAsync(scope, conversation, actor, action, ct);
    }

    public async Task<ConversationListItem?> ChangePriorityAsync(InboxScope scope, Guid conversationId, Priority priority, WorkflowActor actor, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return null;
        conversation.ChangePriority(priority);
        await SaveAsync(ct);
        return await FinishAsync(scope, conversation, actor, AuditActions.ConversationPriorityChange, ct);
    }

    public async Task<ConversationListItem?> AssignAsync(InboxScope scope, Guid conversationId, string? staffId, Guid? teamId, WorkflowActor actor, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return null;
        string? personName = null, teamName = null;
        if (staffId is not null)
            personName = await assignable.NameIfAssignableAsync(staffId, conversation.SharedInboxId, ct)
                ?? throw new InboxDomainException("That person cannot take this conversation: no such active staff member works this inbox.");
        if (teamId is { } team)
            teamName = await db.Teams.AsNoTracking().Where(t => t.Id == team && t.Inboxes.Any(i => i.SharedInboxId == conversation.SharedInboxId))
                .Select(t => t.Name).FirstOrDefaultAsync(ct)
                ?? throw new InboxDomainException("That team does not serve this conversation's inbox.");
        if (conversation.AssigneeId == staffId && conversation.AssignedTeamId == teamId)
            return await queries.GetAsync(scope, conversation.Id, ct); // nothing to change, nothing to record

        var now = clock.GetUtcNow();
        conversation.AssignTo(staffId, teamId, now);
        await AddLineAsync(conversation, AssignmentLine(actor, staffId, personName, teamName), actor, now, ct);
        await SaveAsync(ct);
        if (staffId is null) autoAssign.Pulse();
        return await FinishAsync(scope, conversation, actor, AuditActions.ConversationAssign, ct);
    }

    public async Task<ConversationListItem?> SetLabelsAsync(InboxScope scope, Guid conversationId, IReadOnlyCollection<Guid> labelIds, WorkflowActor actor, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return null;
        var wanted = labelIds.Distinct().ToList();
        var known = await db.Labels.Where(l => wanted.Contains(l.Id)).Select(l => l.Id).ToListAsync(ct);
        if (known.Count != wanted.Count) throw new InboxDomainException("One of those labels does not exist (any more). Reload and choose again.");
        var current = await db.ConversationLabels.Where(l => l.ConversationId == conversationId).ToListAsync(ct);
        db.ConversationLabels.RemoveRange(current.Where(l => !wanted.Contains(l.LabelId)));
        db.ConversationLabels.AddRange(wanted.Where(id => current.All(l => l.LabelId != id)).Select(id => new ConversationLabel(conversationId, id)));
        await SaveAsync(ct);
        return await FinishAsync(scope, conversation, actor, AuditActions.ConversationLabelsChange, ct);
    }

    public async Task MarkReadAsync(InboxScope scope, Guid conversationId, string staffId, CancellationToken ct)
    {
        if (!await db.VisibleConversations(scope).AnyAsync(c => c.Id == conversationId, ct)) return;
        // Never before the patient's last message: platform clocks can run ahead of ours.
        var lastInbound = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.LastInboundAt).FirstAsync(ct);
        var readAt = lastInbound is { } at && at > clock.GetUtcNow() ? at : clock.GetUtcNow();
        var marker = await db.ReadMarkers.FindAsync([conversationId, staffId], ct);
        if (marker is null) db.ReadMarkers.Add(new ReadMarker(conversationId, staffId, readAt));
        else marker.MoveTo(readAt);
        // Opening the thread reads the notes that name this person in it: their bell stops counting them.
        var mentions = await db.Mentions.Where(m => m.ConversationId == conversationId && m.StaffId == staffId && m.ReadAt == null).ToListAsync(ct);
        foreach (var mention in mentions) mention.MarkRead(clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { return; } // the same person's other tab wrote it first: read either way
        // Only this person's list (and bell) changes; the feed carries ids only, and their list re-reads its first page.
        InboxChange updated = new(InboxChangeKind.ConversationUpdated, conversationId);
        await notifier.PublishAsync(mentions.Count == 0 ? [updated] : [updated, new InboxChange(InboxChangeKind.Mentioned, conversationId)], ct);
    }

    private Task<Conversation?> LoadAsync(InboxScope scope, Guid id, CancellationToken ct) =>
        // Tracked: the change is saved. A thread folded into another by a contact merge is not there to change.
        db.VisibleConversations(scope).AsTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>A small centred line in the thread, on the thread's latest channel (so its badge makes sense); it does not reorder the list.</summary>
    private async Task AddLineAsync(Conversation conversation, string text, WorkflowActor actor, DateTimeOffset now, CancellationToken ct)
    {
        var last = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id)
            .OrderByDescending(m => m.CreatedAt).Select(m => new { m.Channel, m.AccountId }).FirstOrDefaultAsync(ct);
        if (last is null) return;
        var line = Message.Activity(conversation.Id, last.Channel, last.AccountId, text, actor.Author, now);
        db.Messages.Add(line);
        _lines.Add(line.Id);
    }

    /// <summary>The thread lines (and survey) this change added, so open threads append them.</summary>
    private readonly List<Guid> _lines = [];

    private async Task SaveAsync(CancellationToken ct) => await db.SaveChangesAsync(ct);

    private async Task<ConversationListItem?> FinishAsync(InboxScope scope, Conversation conversation, WorkflowActor actor, string action, CancellationToken ct)
    {
        await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor.Audit, action, AuditSubjects.Conversation, conversation.Id.ToString(), actor.Ip)], ct);
        List<InboxChange> changes = [new InboxChange(InboxChangeKind.ConversationUpdated, conversation.Id)];
        changes.AddRange(_lines.Select(line => new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, line)));
        _lines.Clear();
        await notifier.PublishAsync(changes, ct);
        return await queries.GetAsync(scope, conversation.Id, ct);
    }

    private static string AssignmentLine(WorkflowActor actor, string? staffId, string? person, string? team)
    {
        if (person is null && team is null) return $"{actor.Name} unassigned this";
        var who = staffId is not null && staffId == actor.StaffId ? "themselves" : person;
        var to = (who, team) switch
        {
            (not null, not null) => $"{who} ({team})",
            (not null, null) => who,
            _ => $"the {team} team",
        };
        return $"{actor.Name} assigned this to {to}";
    }
}
