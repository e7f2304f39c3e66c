using Inbox.Core.Common;

namespace Inbox.Core.Notes;

/// <summary>
/// A colleague named with @ in a private note: their bell counts it until they open it. Keyed by
/// <see cref="ConversationId"/> like the note itself, so a contact merge can move it with the thread.
/// </summary>
public sealed class Mention : Entity
{
    private Mention() { }

    public Mention(Guid conversationId, Guid noteId, string staffId, string authorName, DateTimeOffset createdAt)
    {
        ConversationId = conversationId;
        NoteId = noteId;
        StaffId = staffId;
        AuthorName = authorName;
        CreatedAt = createdAt;
    }

    public Guid ConversationId { get; private set; }
    /// <summary>The note (a message row of type Note) that names the colleague.</summary>
    public Guid NoteId { get; private set; }
    /// <summary>The mentioned colleague's staff id.</summary>
    public string StaffId { get; private set; } = "";
    public string AuthorName { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? ReadAt { get; private set; }

    public void MarkRead(DateTimeOffset at) => ReadAt ??= at;
}
