using Inbox.Core.Audit;
using Inbox.Core.Teams;

namespace Inbox.Core.Conversations;

/// <summary>Who is changing a conversation: a signed-in person or an API key. <see cref="StaffId"/> is null for a key.</summary>
public sealed record WorkflowActor(AuditActor Audit, string? Ip, string? StaffId)
{
    public string Name => Audit.Name ?? Audit.Id;
    public MessageAuthor Author => new(AuthorKind.Agent, Audit.Id, Name);
}

/// <summary>
/// The inbox's workflow changes: status, priority, assignment, labels, read markers. Each change is checked by the
/// domain rules (<see cref="ConversationConflictException"/> → 409, <see cref="Common.InboxDomainException"/> → 400),
/// audited, shown as a line in the thread where people need it, and published on the live feed.
/// Every call returns the conversation as the list shows it afterwards, or null when it is outside <paramref name="scope"/>.
/// </summary>
public interface IConversationWorkflow
{
    Task<ConversationListItem?> ChangeStatusAsync(InboxScope scope, Guid conversationId, ConversationStatus to, DateTimeOffset? snoozeUntil, WorkflowActor actor, CancellationToken ct);

    Task<ConversationListItem?> ChangePriorityAsync(InboxScope scope, Guid conversationId, Priority priority, WorkflowActor actor, CancellationToken ct);

    /// <summary>To a person, a team, both, or nobody (both null).</summary>
    Task<ConversationListItem?> AssignAsync(InboxScope scope, Guid conversationId, string? staffId, Guid? teamId, WorkflowActor actor, CancellationToken ct);

    /// <summary>Replaces the conversation's labels with <paramref name="labelIds"/>.</summary>
    Task<ConversationListItem?> SetLabelsAsync(InboxScope scope, Guid conversationId, IReadOnlyCollection<Guid> labelIds, WorkflowActor actor, CancellationToken ct);

    /// <summary><paramref name="staffId"/> has read the thread up to now.</summary>
    Task MarkReadAsync(InboxScope scope, Guid conversationId, string staffId, CancellationToken ct);
}
