namespace Inbox.Core.Realtime;

/// <param name="ThreadRewritten">Messages moved in or out of the thread (a contact merge or unmerge): re-read it whole.</param>
/// <summary>
/// What changed. <see cref="Mentioned"/>: mention rows of the conversation were written (a note naming colleagues,
/// <c>MessageId</c> = the note) or marked read; only the bell listens to it.
/// </summary>
public enum InboxChangeKind { MessageAdded, MessageUpdated, ConversationUpdated, ThreadRewritten, Mentioned }

/// <summary>Something changed that open inbox pages must show. Carries ids only: pages re-read what they display.</summary>
public sealed record InboxChange(InboxChangeKind Kind, Guid ConversationId, Guid? MessageId = null);

/// <summary>Tells every open inbox page (on every instance) what changed, after it is committed.</summary>
public interface IInboxNotifier
{
    ValueTask PublishAsync(IReadOnlyList<InboxChange> changes, CancellationToken cancellationToken = default);
}
