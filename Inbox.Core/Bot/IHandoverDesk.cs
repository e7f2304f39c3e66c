using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;

namespace Inbox.Core.Bot;

public enum OwnershipOutcome { Done, NotFound, Conflict }

/// <summary>A row of the agents' handover queue.</summary>
public sealed record HandoverQueueItem(Guid ConversationId, string ContactName, string Reason, string? Summary, Priority Priority,
    ChannelKind? Channel, DateTimeOffset HandedOverAt);

/// <summary>Who owns one conversation and why: the card at the top of the thread.</summary>
public sealed record OwnershipView(Guid ConversationId, HandledBy HandledBy, ConversationStatus Status, string? AssigneeId, Priority Priority,
    string? Reason, string? Summary, DateTimeOffset? HandedOverAt)
{
    public bool AwaitsPickup => HandledBy == HandledBy.Human && Status == ConversationStatus.Pending && AssigneeId is null && HandedOverAt is not null;
}

/// <summary>
/// Moves a conversation between the bot and people. Each change is conditional on the state it was decided on,
/// so of two agents who click "Take" at once exactly one wins; the other gets <see cref="OwnershipOutcome.Conflict"/>.
/// Every change is audited and published on the live feed.
/// </summary>
public interface IHandoverDesk
{
    /// <summary>Waiting handovers in the caller's inboxes: urgent first, then longest wait.</summary>
    Task<IReadOnlyList<HandoverQueueItem>> QueueAsync(InboxScope scope, CancellationToken ct);

    Task<OwnershipView?> ViewAsync(InboxScope scope, Guid conversationId, CancellationToken ct);

    /// <summary>Staff (or an API client) pass a bot conversation to people: it joins the queue.</summary>
    Task<OwnershipOutcome> HandOverAsync(InboxScope scope, Guid conversationId, string reason, AuditActor actor, string? ip, CancellationToken ct);

    /// <summary>An agent takes a waiting handover, or a bot conversation straight from the bot.</summary>
    Task<OwnershipOutcome> TakeAsync(InboxScope scope, Guid conversationId, string agentId, AuditActor actor, string? ip, CancellationToken ct);

    Task<OwnershipOutcome> HandBackAsync(InboxScope scope, Guid conversationId, AuditActor actor, string? ip, CancellationToken ct);
}
