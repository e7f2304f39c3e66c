using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// Merge and unmerge, each one transaction: the contacts' own rows first (their version columns make a concurrent
/// merge or a stale review fail here, before anything moved), then every registered participant moves its rows and
/// journals them. On SQLite the whole transaction holds the write turn, so two merges run one after the other and the
/// second sees the first's outcome.
/// </summary>
internal sealed class ContactMerger(
    InboxDbContext db,
    SqliteWriteGate writeGate,
    IEnumerable<IMergeParticipant> participants,
    IInboxNotifier notifier,
    TimeProvider clock) : IContactMerger
{
    private const string NotFound = "One of the contacts does not exist or is outside your inboxes.";
    private const string ChangedMeanwhile = "Someone changed one of these contacts a moment ago. Review them again before merging.";

    public async Task<MergeResult> MergeAsync(InboxScope scope, MergeRequest request, AuditActor by, CancellationToken ct)
    {
        if (request.SurvivorId == request.MergedId) return new MergeResult(MergeOutcome.Invalid, Error: "A contact cannot be merged into itself.");
        MergeStep step;
        try
        {
            using (await writeGate.EnterAsync(db, ct))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var survivor = await db.Contacts.SingleOrDefaultAsync(c => c.Id == request.SurvivorId, ct);
                var merged = await db.Contacts.SingleOrDefaultAsync(c => c.Id == request.MergedId, ct);
                if (survivor is null || merged is null)
                    return new MergeResult(MergeOutcome.NotFound, Error: NotFound);
                // A tombstone is a conflict (someone merged it), not an unknown id; a live contact must be the caller's to see.
                if (Refusal(survivor, merged, request) is { } refusal) return refusal;
                if (!await VisibleAsync(scope, survivor.Id, ct) || !await VisibleAsync(scope, merged.Id, ct))
                    return new MergeResult(MergeOutcome.NotFound, Error: NotFound);

                var survivorBefore = ContactDetails.Of(survivor);
                var mergedBefore = ContactDetails.Of(merged);
                IReadOnlyList<FieldDecision> decisions;
                try { decisions = MergePlan.Decide(survivorBefore, survivor.DetailsVerifiedAt, mergedBefore, merged.DetailsVerifiedAt, request.Choices); }
                catch (InboxDomainException e) { return new MergeResult(MergeOutcome.Invalid, Error: e.Message); }

                var merge = new ContactMerge(survivor, merged, decisions, by, clock.GetUtcNow());
                survivor.TakeMergedDetails(MergePlan.Apply(survivorBefore, mergedBefore, decisions), merged.DetailsVerifiedAt);
                merged.MergeInto(survivor.Id);
                db.ContactMerges.Add(merge);
                // The contacts' versions are checked here: a concurrent change fails the merge before any row moves.
                await db.SaveChangesAsync(ct);

                step = new MergeStep(db, merge, survivor, merged);
                foreach (var participant in participants) await participant.MergeAsync(step, ct);
                db.ContactMergeMoves.AddRange(step.Moves);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new MergeResult(MergeOutcome.Conflict, Error: ChangedMeanwhile);
        }

        await notifier.PublishAsync(step.Changes(), ct);
        return new MergeResult(MergeOutcome.Merged, step.Merge);
    }

    public async Task<UnmergeResult> UnmergeAsync(InboxScope scope, Guid mergeId, AuditActor by, CancellationToken ct)
    {
        UnmergeStep step;
        try
        {
            using (await writeGate.EnterAsync(db, ct))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var merge = await db.ContactMerges.SingleOrDefaultAsync(m => m.Id == mergeId, ct);
                if (merge is null || !await VisibleAsync(scope, merge.SurvivorId, ct))
                    return new UnmergeResult(UnmergeOutcome.NotFound, Error: "There is no such merge.");
                if (merge.IsUndone) return new UnmergeResult(UnmergeOutcome.AlreadyUndone, merge, "This merge was already undone.");

                var survivor = await db.Contacts.SingleAsync(c => c.Id == merge.SurvivorId, ct);
                var merged = await db.Contacts.SingleAsync(c => c.Id == merge.MergedId, ct);
                if (survivor.IsMerged)
                    return new UnmergeResult(UnmergeOutcome.Conflict, merge, "The surviving contact was merged again since. Undo that later merge first.");
                if (await db.ContactMerges.AnyAsync(m => m.SurvivorId == survivor.Id && m.MergedAt > merge.MergedAt && m.UndoneAt == null, ct))
                    return new UnmergeResult(UnmergeOutcome.Conflict, merge, "Another contact was merged into this one since. Undo that later merge first.");

                merge.Undo(by, clock.GetUtcNow());
                merged.Restore(merge.MergedBefore, merge.MergedVerifiedAt);
                survivor.Restore(merge.SurvivorBefore, merge.SurvivorVerifiedAt);
                await db.SaveChangesAsync(ct);

                var moves = await db.ContactMergeMoves.AsNoTracking().Where(m => m.MergeId == merge.Id).ToListAsync(ct);
                step = new UnmergeStep(db, merge, survivor, merged, moves);
                foreach (var participant in participants) await participant.UnmergeAsync(step, ct);
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new UnmergeResult(UnmergeOutcome.Conflict, Error: "Someone changed this merge or its contacts a moment ago. Look again before undoing it.");
        }

        await notifier.PublishAsync(step.Changes(), ct);
        return new UnmergeResult(UnmergeOutcome.Unmerged, step.Merge);
    }

    private static MergeResult? Refusal(Contact survivor, Contact merged, MergeRequest request)
    {
        if (survivor.IsMerged) return new MergeResult(MergeOutcome.Conflict, Error: "The contact to keep was itself merged into another contact. Merge into that one instead.");
        if (merged.IsMerged) return new MergeResult(MergeOutcome.Conflict, Error: "That contact was already merged into another one.");
        if ((request.SurvivorVersion is { } sv && sv != survivor.Version) || (request.MergedVersion is { } mv && mv != merged.Version))
            return new MergeResult(MergeOutcome.Conflict, Error: ChangedMeanwhile);
        return null;
    }

    /// <summary>Seen by the caller: a contact with a thread in one of their inboxes (or anyone, for admins and API keys).</summary>
    private Task<bool> VisibleAsync(InboxScope scope, Guid contactId, CancellationToken ct) =>
        db.VisibleContacts(scope).AnyAsync(c => c.Id == contactId, ct);
}
