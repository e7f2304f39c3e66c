using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Persistence;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// One kind of patient record that follows the patient through a merge (identities, conversations and their
/// messages, and every later feature's rows): moves its rows to the survivor, journaling each, and puts them back.
/// A new contact-owned table registers one of these (see `MergeRegistration`) and merge/unmerge carry it.
/// </summary>
public interface IMergeParticipant
{
    /// <summary>Runs in the merge's transaction, after the contacts' own rows are updated.</summary>
    Task MergeAsync(MergeStep step, CancellationToken ct);

    /// <summary>Runs in the unmerge's transaction, in registration order too: identities go back first, so later participants can ask who owns what.</summary>
    Task UnmergeAsync(UnmergeStep step, CancellationToken ct);

    /// <summary>What the review screen lists for a contact: kind and count ("Labels", 3). Empty when nothing to say.</summary>
    Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct);
}

/// <summary>What a participant sees while merging: the two contacts and the journal to write moves into.</summary>
public sealed class MergeStep(InboxDbContext db, ContactMerge merge, Contact survivor, Contact merged)
{
    private readonly List<ContactMergeMove> _moves = [];
    private readonly HashSet<Guid> _conversations = [];

    public InboxDbContext Db { get; } = db;
    public ContactMerge Merge { get; } = merge;
    public Contact Survivor { get; } = survivor;
    public Contact Merged { get; } = merged;
    public IReadOnlyList<ContactMergeMove> Moves => _moves;
    /// <summary>Threads whose contents changed: open pages re-read them.</summary>
    public IReadOnlyCollection<Guid> TouchedConversations => _conversations;

    /// <summary>Journals that row <paramref name="rowId"/> of <paramref name="kind"/> moved from one owner to another.</summary>
    public void Moved(string kind, Guid rowId, Guid fromId, Guid toId) => _moves.Add(new ContactMergeMove(Merge.Id, kind, rowId, fromId, toId));

    public void Touched(Guid conversationId) => _conversations.Add(conversationId);

    internal IReadOnlyList<InboxChange> Changes() => ChangesOf(_conversations);

    /// <summary>Lists re-read the thread's summary; open threads re-read their messages.</summary>
    internal static IReadOnlyList<InboxChange> ChangesOf(IEnumerable<Guid> conversations) =>
        conversations.SelectMany(id => new[] { new InboxChange(InboxChangeKind.ConversationUpdated, id), new InboxChange(InboxChangeKind.ThreadRewritten, id) }).ToList();
}

/// <summary>What a participant sees while unmerging: the journal of the merge being undone.</summary>
public sealed class UnmergeStep(InboxDbContext db, ContactMerge merge, Contact survivor, Contact merged, IReadOnlyList<ContactMergeMove> moves)
{
    private readonly HashSet<Guid> _conversations = [];

    public InboxDbContext Db { get; } = db;
    public ContactMerge Merge { get; } = merge;
    public Contact Survivor { get; } = survivor;
    public Contact Merged { get; } = merged;

    /// <summary>The journaled moves of one kind.</summary>
    public IReadOnlyList<ContactMergeMove> Moves(string kind) => moves.Where(m => m.Kind == kind).ToList();

    public IReadOnlyCollection<Guid> TouchedConversations => _conversations;

    public void Touched(Guid conversationId) => _conversations.Add(conversationId);

    internal IReadOnlyList<InboxChange> Changes() => MergeStep.ChangesOf(_conversations);
}

/// <summary>
/// Rows that belong to a conversation (labels, read markers …) when a merge folds one patient's thread into the
/// other's in the same inbox: move or copy them onto the survivor's thread, journaled, and undo that on unmerge.
/// </summary>
public interface IConversationFoldParticipant
{
    Task FoldAsync(MergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct);

    Task UnfoldAsync(UnmergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct);
}
