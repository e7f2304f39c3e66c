using Inbox.Core.Contacts.Merging;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>Appointment requests follow the patient, and the thread they came from when that thread is folded.</summary>
internal sealed class AppointmentMoves : IMergeParticipant, IConversationFoldParticipant
{
    public const string Kind = "appointment";
    public const string ThreadKind = "appointment.thread";

    public async Task MergeAsync(MergeStep step, CancellationToken ct)
    {
        var (from, to) = (step.Merged.Id, step.Survivor.Id);
        var ids = await step.Db.AppointmentRequests.Where(a => a.ContactId == from).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids) step.Moved(Kind, id, from, to);
        if (ids.Count > 0) await step.Db.AppointmentRequests.Where(a => a.ContactId == from).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactId, to), ct);
    }

    public async Task UnmergeAsync(UnmergeStep step, CancellationToken ct)
    {
        var ids = step.Moves(Kind).Select(m => m.RowId).ToList();
        var merged = step.Merged.Id;
        if (ids.Count > 0) await step.Db.AppointmentRequests.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ContactId, merged), ct);
    }

    public async Task FoldAsync(MergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct)
    {
        var ids = await step.Db.AppointmentRequests.Where(a => a.ConversationId == foldedConversationId).Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids) step.Moved(ThreadKind, id, foldedConversationId, intoConversationId);
        if (ids.Count > 0)
            await step.Db.AppointmentRequests.Where(a => a.ConversationId == foldedConversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ConversationId, intoConversationId), ct);
    }

    public async Task UnfoldAsync(UnmergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct)
    {
        var ids = step.Moves(ThreadKind).Where(m => m.FromId == foldedConversationId).Select(m => m.RowId).ToList();
        if (ids.Count > 0)
            await step.Db.AppointmentRequests.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s.SetProperty(a => a.ConversationId, foldedConversationId), ct);
    }

    public async Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        await db.AppointmentRequests.CountAsync(a => a.ContactId == contactId, ct) is > 0 and var count
            ? [new MergeCandidateRecords("Appointment requests", count)]
            : [];
}
