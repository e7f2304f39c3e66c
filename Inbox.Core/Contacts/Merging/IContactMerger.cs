using Inbox.Core.Audit;
using Inbox.Core.Teams;

namespace Inbox.Core.Contacts.Merging;

/// <summary>
/// Join two contacts: <paramref name="MergedId"/> folds into <paramref name="SurvivorId"/>. The versions are the ones the
/// receptionist reviewed; when given and no longer current, someone changed a contact meanwhile and the merge is refused.
/// </summary>
public sealed record MergeRequest(
    Guid SurvivorId, Guid MergedId,
    IReadOnlyDictionary<ContactField, MergeSide>? Choices = null,
    int? SurvivorVersion = null, int? MergedVersion = null);

public enum MergeOutcome
{
    Merged,
    /// <summary>Either contact is unknown or outside the caller's inboxes.</summary>
    NotFound,
    /// <summary>The request itself is wrong (self-merge, a choice that leaves no name).</summary>
    Invalid,
    /// <summary>The contacts' state forbids it now: one is already merged away, or changed since it was reviewed.</summary>
    Conflict,
}

public sealed record MergeResult(MergeOutcome Outcome, ContactMerge? Merge = null, string? Error = null);

public enum UnmergeOutcome
{
    Unmerged,
    NotFound,
    /// <summary>The merge was already undone: a second undo is refused.</summary>
    AlreadyUndone,
    /// <summary>Something built on the merge since (the survivor was merged again): undo that first.</summary>
    Conflict,
}

public sealed record UnmergeResult(UnmergeOutcome Outcome, ContactMerge? Merge = null, string? Error = null);

/// <summary>Merges and unmerges contacts in one transaction each, journaling every moved row.</summary>
public interface IContactMerger
{
    Task<MergeResult> MergeAsync(InboxScope scope, MergeRequest request, AuditActor by, CancellationToken ct);

    Task<UnmergeResult> UnmergeAsync(InboxScope scope, Guid mergeId, AuditActor by, CancellationToken ct);
}
