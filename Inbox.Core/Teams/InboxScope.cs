namespace Inbox.Core.Teams;

/// <summary>
/// Which shared inboxes a caller may see: everything (admins, API keys) or the inboxes their teams serve.
/// Every conversation query takes one, so a missing check shows nothing rather than everything.
/// </summary>
public sealed record InboxScope
{
    private InboxScope(IReadOnlySet<Guid>? inboxIds) => InboxIds = inboxIds;

    /// <summary>Null means every inbox.</summary>
    public IReadOnlySet<Guid>? InboxIds { get; }

    public bool SeesAll => InboxIds is null;

    public static InboxScope All { get; } = new((IReadOnlySet<Guid>?)null);

    public static InboxScope Only(IEnumerable<Guid> inboxIds) => new(inboxIds.ToHashSet());

    public bool Allows(Guid sharedInboxId) => InboxIds is null || InboxIds.Contains(sharedInboxId);
}
