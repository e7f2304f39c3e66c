using Inbox.Core.Teams;

namespace Inbox.Core.Conversations;

/// <summary>
/// Read side of the inbox: lists and threads, written for the database to do the work. Every read takes the
/// caller's <see cref="InboxScope"/>: what lies outside it is not found.
/// </summary>
public interface IConversationQueries
{
    /// <summary>Newest activity first, keyset-paged on (last message time, id).</summary>
    Task<Page<ConversationListItem>> ListAsync(InboxScope scope, ConversationFilter filter, int limit, string? cursor, CancellationToken ct);

    /// <summary>
    /// How many conversations each view holds for <paramref name="me"/>, narrowed by <paramref name="filter"/> (its status and assignee are ignored).
    /// Counting stops past <see cref="ViewCounts.Cap"/>: the screen says "999+", and a count never reads more than that many index entries.
    /// </summary>
    Task<IReadOnlyDictionary<InboxView, int>> CountsAsync(InboxScope scope, string me, ConversationFilter filter, CancellationToken ct);

    Task<ConversationListItem?> GetAsync(InboxScope scope, Guid id, CancellationToken ct);

    /// <summary>Messages oldest first; <paramref name="cursor"/> continues after the last one returned.</summary>
    Task<Page<ThreadMessage>> MessagesAsync(InboxScope scope, Guid conversationId, int limit, string? cursor, CancellationToken ct);

    /// <summary>The newest <paramref name="count"/> messages, oldest first: what a thread shows when it opens.</summary>
    Task<IReadOnlyList<ThreadMessage>> LatestMessagesAsync(InboxScope scope, Guid conversationId, int count, CancellationToken ct);

    Task<ThreadMessage?> MessageAsync(InboxScope scope, Guid messageId, CancellationToken ct);

    /// <summary>Each channel the patient wrote from in the thread, with their last message there (a merged thread has several).</summary>
    Task<IReadOnlyList<ReplyChannelState>> ReplyChannelsAsync(InboxScope scope, Guid conversationId, CancellationToken ct);

    /// <summary>A contact is visible when one of their conversations is.</summary>
    Task<ContactView?> ContactAsync(InboxScope scope, Guid contactId, CancellationToken ct);

    Task<Page<ContactView>> ContactsAsync(InboxScope scope, string? query, string? phone, int limit, string? cursor, CancellationToken ct);
}

public static class ViewCounts
{
    public const int Cap = 999;

    public static string Display(int count) => count > Cap ? $"{Cap}+" : count.ToString(System.Globalization.CultureInfo.CurrentCulture);
}
