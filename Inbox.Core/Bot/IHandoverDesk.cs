using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;

namespace Inbox.Core.Bot;

public enum OwnershipOutcome { Done, NotFound, Conflict }

/// <summary>A row of the agents' handover queue.</summary>
public sealed record HandoverQueueItem(Guid ConversationId, string ContactName, string Reason, string? Summary, Priority Priority,
    ChannelKind? Channel, DateTimeOffset HandedOverAt);

/// <summary>The conversation's latest handover, for the card at the top of the thread: why, what the bot had collected, whether it waits.</summary>
public sealed record HandoverDetails(string Reason, string? Summary, bool AwaitsPickup);

/// <summary>
/// Moves a conversation between the bot and people. Each change is conditional on the state it was decided on,
/// so of two agents who click "Take" at once exactly one wins; the other gets <see cref="OwnershipOutcome.Conflict"/>.
/// Every change is audited and published on the live feed.
/// </summary>
public interface IHandoverDesk
{
    /// <summary>Waiting handovers in the caller's inboxes: urgent first, then longest wait.</summary>
    Task<IReadOnlyList<HandoverQueueItem>> QueueAsync(InboxScope scope, CancellationToken ct);

    /// <summary>Null when the conversation has no handover (or is not in the caller's inboxes).</summary>
    Task<HandoverDetails?> DetailsAsync(InboxScope scope, Guid conversationId, CancellationToken ct);

    /// <summary>Staff (or an API client) pass a bot conversation to people: it joins the queue.</summary>
    Task<OwnershipOutcome> HandOverAsync(InboxScope scope, Guid conversationId, string reason, AuditActor actor, string? ip, CancellationToken ct);

    /// <summary>An agent takes a waiting handover, or a bot conversation straight from the bot.</summary>
    Task<OwnershipOutcome> TakeAsync(InboxScope scope, Guid conversationId, string agentId, AuditActor actor, string? ip, CancellationToken ct);

    Task<OwnershipOutcome> HandBackAsync(InboxScope scope, Guid conversationId, AuditActor actor, string? ip, CancellationToken ct);
}
