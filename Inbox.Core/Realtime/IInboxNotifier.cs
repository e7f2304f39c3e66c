namespace Inbox.Core.Realtime;

public enum InboxChangeKind { MessageAdded, MessageUpdated, ConversationUpdated }

/// <summary>Something changed that open inbox pages must show. Carries ids only: pages re-read what they display.</summary>
public sealed record InboxChange(InboxChangeKind Kind, Guid ConversationId, Guid? MessageId = null);

/// <summary>Tells every open inbox page (on every instance) what changed, after it is committed.</summary>
public interface IInboxNotifier
{
    ValueTask PublishAsync(IReadOnlyList<InboxChange> changes, CancellationToken cancellationToken = default);
}
