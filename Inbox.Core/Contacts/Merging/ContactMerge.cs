using Inbox.Core.Audit;
using Inbox.Core.Common;

namespace Inbox.Core.Contacts.Merging;

/// <summary>
/// The record of one merge: who joined which two contacts and when, both contacts' details as they were, the value
/// chosen for each field, and (in <see cref="ContactMergeMove"/> rows) every row that moved. Unmerge replays it
/// backwards, once.
/// </summary>
public sealed class ContactMerge : AggregateRoot
{
    private ContactMerge() { }

    public ContactMerge(Contact survivor, Contact merged, IReadOnlyList<FieldDecision> decisions, AuditActor by, DateTimeOffset at)
    {
        if (survivor.Id == merged.Id) throw new InboxDomainException("A contact cannot be merged into itself.");
        SurvivorId = survivor.Id;
        MergedId = merged.Id;
        SurvivorBefore = ContactDetails.Of(survivor);
        MergedBefore = ContactDetails.Of(merged);
        SurvivorVerifiedAt = survivor.DetailsVerifiedAt;
        MergedVerifiedAt = merged.DetailsVerifiedAt;
        Decisions = decisions.ToList();
        MergedAt = at;
        MergedBy = by;
    }

    public Guid SurvivorId { get; private set; }
    public Guid MergedId { get; private set; }
    public DateTimeOffset MergedAt { get; private set; }
    public AuditActor MergedBy { get; private set; } = null!;
    public ContactDetails SurvivorBefore { get; private set; } = null!;
    public ContactDetails MergedBefore { get; private set; } = null!;
    public DateTimeOffset SurvivorVerifiedAt { get; private set; }
    public DateTimeOffset MergedVerifiedAt { get; private set; }
    public List<FieldDecision> Decisions { get; private set; } = [];
    public DateTimeOffset? UndoneAt { get; private set; }
    public AuditActor? UndoneBy { get; private set; }
    /// <summary>Two undos at once: the second one's write finds the row changed and fails.</summary>
    public int Version { get; private set; }

    public bool IsUndone => UndoneAt is not null;

    /// <summary>What the audit log says about the merge, without any patient data: the record's id, then fields and sides only.</summary>
    public string AuditDetail() =>
        $"merge {Id}: " + string.Join(", ", Decisions.Select(d => $"{d.Field} {(d.Side == MergeSide.Survivor ? "kept" : "taken from the merged contact")}{(d.Overwritten is not null ? " (overwrote)" : "")}"));

    public void Undo(AuditActor by, DateTimeOffset at)
    {
        if (IsUndone) throw new MergeAlreadyUndoneException();
        UndoneAt = at;
        UndoneBy = by;
        Version++;
    }
}

/// <summary>One row a merge moved: which table (kind), which row, from which owner to which.</summary>
public sealed class ContactMergeMove
{
    private ContactMergeMove() { }

    public ContactMergeMove(Guid mergeId, string kind, Guid rowId, Guid fromId, Guid toId)
    {
        MergeId = mergeId;
        Kind = kind;
        RowId = rowId;
        FromId = fromId;
        ToId = toId;
    }

    public Guid MergeId { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid RowId { get; private set; }
    public Guid FromId { get; private set; }
    public Guid ToId { get; private set; }
}

public sealed class MergeAlreadyUndoneException() : InboxDomainException("This merge was already undone.");
