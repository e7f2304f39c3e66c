using Inbox.Core.Teams;

namespace Inbox.Core.Search;

public sealed record ContactHit(Guid ContactId, string Name, string? Phone, string? Email, Guid? LatestConversationId);

/// <summary>A message that matched; <see cref="Snippet"/> marks matched words between <see cref="SearchMarks.Start"/> and <see cref="SearchMarks.End"/>.</summary>
public sealed record MessageHit(Guid MessageId, Guid ConversationId, string ContactName, string Snippet, DateTimeOffset CreatedAt);

public sealed record SearchResults(IReadOnlyList<ContactHit> Contacts, IReadOnlyList<MessageHit> Messages)
{
    public static readonly SearchResults Empty = new([], []);
}

/// <summary>Control characters no message contains, so the screen can highlight safely without HTML in the data.</summary>
public static class SearchMarks
{
    public const char Start = '\u0002';
    public const char End = '\u0003';
}

/// <summary>Search across contacts (name, phone in any format, email) and message text, within the caller's inboxes.</summary>
public interface IInboxSearch
{
    Task<SearchResults> SearchAsync(InboxScope scope, string query, int limit, CancellationToken ct);
}
