using Inbox.Core.Contacts.Merging;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// Channel identities go to the survivor, so the patient's next message on any app lands in the one thread.
/// On unmerge exactly the journaled identities go back; one first seen after the merge stays with the survivor.
/// </summary>
internal sealed class IdentityMoves : IMergeParticipant
{
    public const string Kind = "identity";

    public async Task MergeAsync(MergeStep step, CancellationToken ct)
    {
        var (from, to) = (step.Merged.Id, step.Survivor.Id);
        var ids = await step.Db.ChannelIdentities.Where(i => i.ContactId == from).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in ids) step.Moved(Kind, id, from, to);
        await step.Db.ChannelIdentities.Where(i => i.ContactId == from).ExecuteUpdateAsync(s => s.SetProperty(i => i.ContactId, to), ct);
    }

    public async Task UnmergeAsync(UnmergeStep step, CancellationToken ct)
    {
        var ids = step.Moves(Kind).Select(m => m.RowId).ToList();
        if (ids.Count == 0) return;
        var (survivor, merged) = (step.Survivor.Id, step.Merged.Id);
        await step.Db.ChannelIdentities.Where(i => i.ContactId == survivor && ids.Contains(i.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.ContactId, merged), ct);
    }

    // The review screen lists identities itself.
    public Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MergeCandidateRecords>>([]);
}
