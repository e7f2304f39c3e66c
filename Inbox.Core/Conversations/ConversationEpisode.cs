using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>
/// One finished stretch of work on a conversation: from when it (re)opened to when someone resolved it. The
/// current, unfinished stretch is <see cref="Conversation.OpenedAt"/>. Reports compute resolution times per
/// episode from these rows. Keyed by <see cref="ConversationId"/> so a contact merge can move them.
/// </summary>
public sealed class ConversationEpisode : Entity
{
    private ConversationEpisode() { }

    public ConversationEpisode(Guid conversationId, DateTimeOffset openedAt, DateTimeOffset resolvedAt, string? resolvedBy)
    {
        ConversationId = conversationId;
        OpenedAt = openedAt;
        ResolvedAt = resolvedAt;
        ResolvedBy = resolvedBy;
    }

    public Guid ConversationId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset ResolvedAt { get; private set; }
    /// <summary>Staff id (or API key actor id) that resolved it.</summary>
    public string? ResolvedBy { get; private set; }
}
