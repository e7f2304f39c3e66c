using System.Linq.Expressions;
using Inbox.Core.Common;
using Inbox.Core.Contacts.Merging;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// Rows of <typeparamref name="T"/> that belong to an owner through one Guid column (a contact's identities, a thread's
/// mentions …): moved from one owner to another in one UPDATE, each row journaled under <see cref="Kind"/>, and moved
/// back from the journal. The one way merge participants move rows.
/// </summary>
internal sealed class JournaledRows<T>(string kind, Expression<Func<T, Guid>> owner) where T : Entity
{
    public string Kind { get; } = kind;

    public async Task MoveAsync(InboxDbContext db, Action<string, Guid, Guid, Guid> journal, Guid from, Guid to, CancellationToken ct)
    {
        var rows = db.Set<T>().Where(OwnedBy(from));
        var ids = await rows.Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0) return;
        foreach (var id in ids) journal(Kind, id, from, to);
        await rows.ExecuteUpdateAsync(s => s.SetProperty(owner, to), ct);
    }

    /// <summary>Puts the journaled rows (those that came from <paramref name="originalOwner"/>, or all) back with it.</summary>
    public async Task MoveBackAsync(InboxDbContext db, IReadOnlyList<ContactMergeMove> moves, Guid originalOwner, CancellationToken ct)
    {
        var ids = moves.Where(m => m.Kind == Kind && m.FromId == originalOwner).Select(m => m.RowId).ToList();
        if (ids.Count > 0) await db.Set<T>().Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(owner, originalOwner), ct);
    }

    public Task<int> CountAsync(InboxDbContext db, Guid ownerId, CancellationToken ct) => db.Set<T>().CountAsync(OwnedBy(ownerId), ct);

    private Expression<Func<T, bool>> OwnedBy(Guid id)
    {
        // A captured value (not a constant), so EF sends it as a parameter.
        Expression<Func<Guid>> value = () => id;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(owner.Body, value.Body), owner.Parameters);
    }
}

/// <summary>Contact-owned rows that simply follow the patient; <paramref name="shownAs"/> names them in the review (null: not listed).</summary>
internal sealed class ContactRowsMoves<T>(string kind, Expression<Func<T, Guid>> contactId, string? shownAs = null) : IMergeParticipant where T : Entity
{
    private readonly JournaledRows<T> _rows = new(kind, contactId);

    public Task MergeAsync(MergeStep step, CancellationToken ct) => _rows.MoveAsync(step.Db, step.Moved, step.Merged.Id, step.Survivor.Id, ct);

    public Task UnmergeAsync(UnmergeStep step, CancellationToken ct) => _rows.MoveBackAsync(step.Db, step.Moves(_rows.Kind), step.Merged.Id, ct);

    public async Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        shownAs is not null && await _rows.CountAsync(db, contactId, ct) is > 0 and var count ? [new MergeCandidateRecords(shownAs, count)] : [];
}

/// <summary>Thread-owned rows that follow a folded thread into the survivor's (mentions, appointment requests' thread).</summary>
internal sealed class ThreadRowsFold<T>(string kind, Expression<Func<T, Guid>> conversationId) : IConversationFoldParticipant where T : Entity
{
    private readonly JournaledRows<T> _rows = new(kind, conversationId);

    public Task FoldAsync(MergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct) =>
        _rows.MoveAsync(step.Db, step.Moved, foldedConversationId, intoConversationId, ct);

    public Task UnfoldAsync(UnmergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct) =>
        _rows.MoveBackAsync(step.Db, step.Moves(_rows.Kind), foldedConversationId, ct);
}
