using Inbox.Core.Conversations;
using Inbox.Core.Teams;

namespace Inbox.Core.Notes;

public enum NoteOutcome { Added, NotFound, Invalid }

public sealed record NoteResult(NoteOutcome Outcome, Guid? NoteId = null, IReadOnlyList<PersonChoice>? Mentioned = null, string? Error = null);

/// <summary>A mention as the bell lists it.</summary>
public sealed record MentionView(Guid Id, Guid ConversationId, Guid NoteId, string ContactName, string AuthorName, string Excerpt, DateTimeOffset CreatedAt, bool Read);

/// <summary>Private notes: stored in the thread for colleagues, never sent to the patient.</summary>
public interface INoteWriter
{
    /// <summary>Adds a note and a mention for each colleague it names (<see cref="Mentions.In"/>) among those who serve the conversation's inbox.</summary>
    Task<NoteResult> AddAsync(InboxScope scope, Guid conversationId, string? text, MessageAuthor author, CancellationToken ct);
}

/// <summary>
/// The bell: mentions of one staff member in the conversations their <see cref="InboxScope"/> shows, newest first.
/// Opening the thread marks them read (<see cref="IConversationWorkflow.MarkReadAsync"/>).
/// </summary>
public interface IMentionInbox
{
    Task<int> UnreadCountAsync(InboxScope scope, string staffId, CancellationToken ct);

    Task<IReadOnlyList<MentionView>> LatestAsync(InboxScope scope, string staffId, int limit, CancellationToken ct);
}
