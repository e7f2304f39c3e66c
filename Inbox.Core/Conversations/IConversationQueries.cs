namespace Inbox.Core.Conversations;

/// <summary>Read side of the inbox: lists and threads, written for the database to do the work.</summary>
public interface IConversationQueries
{
    /// <summary>Newest activity first, keyset-paged on (last message time, id).</summary>
    Task<Page<ConversationListItem>> ListAsync(ConversationFilter filter, int limit, string? cursor, CancellationToken ct);

    Task<ConversationListItem?> GetAsync(Guid id, CancellationToken ct);

    /// <summary>Messages oldest first; <paramref name="cursor"/> continues after the last one returned.</summary>
    Task<Page<ThreadMessage>> MessagesAsync(Guid conversationId, int limit, string? cursor, CancellationToken ct);

    /// <summary>The newest <paramref name="count"/> messages, oldest first: what a thread shows when it opens.</summary>
    Task<IReadOnlyList<ThreadMessage>> LatestMessagesAsync(Guid conversationId, int count, CancellationToken ct);

    Task<ThreadMessage?> MessageAsync(Guid messageId, CancellationToken ct);

    Task<ContactView?> ContactAsync(Guid contactId, CancellationToken ct);

    Task<Page<ContactView>> ContactsAsync(string? query, string? phone, int limit, string? cursor, CancellationToken ct);
}
