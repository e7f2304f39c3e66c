using Inbox.Core.Appointments;
using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Bot;

/// <summary>The appointment requests the bot took, as staff see and answer them beside the thread.</summary>
public sealed class AppointmentDesk(InboxDbContext db, IInboxNotifier notifier, IAuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<AppointmentRequest>> ForConversationAsync(InboxScope scope, Guid conversationId, CancellationToken ct)
    {
        if (!await db.VisibleConversations(scope).AnyAsync(c => c.Id == conversationId, ct)) return [];
        return await db.AppointmentRequests.AsNoTracking().Where(a => a.ConversationId == conversationId).OrderByDescending(a => a.CreatedAt).Take(20).ToListAsync(ct);
    }

    /// <summary>False when the request is not visible or already answered.</summary>
    public async Task<bool> DecideAsync(InboxScope scope, Guid requestId, bool confirm, AuditActor actor, CancellationToken ct)
    {
        var request = await db.AppointmentRequests.FirstOrDefaultAsync(a => a.Id == requestId, ct);
        if (request is null || !await db.VisibleConversations(scope).AnyAsync(c => c.Id == request.ConversationId, ct)) return false;
        try { request.Decide(confirm, actor.Id, clock.GetUtcNow()); }
        catch (InboxDomainException) { return false; }
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor, AuditActions.AppointmentDecide, AuditSubjects.AppointmentRequest, request.Id.ToString(), null)], ct);
        await notifier.PublishAsync([new InboxChange(InboxChangeKind.ConversationUpdated, request.ConversationId)], ct);
        return true;
    }
}
