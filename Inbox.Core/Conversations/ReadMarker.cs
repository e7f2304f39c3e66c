namespace Inbox.Core.Conversations;

/// <summary>
/// How far one staff member has read one conversation: the list bolds a thread for them while the patient
/// wrote after <see cref="ReadAt"/>. One row per (conversation, staff), keyed by ConversationId so a contact merge can move it.
/// </summary>
public sealed class ReadMarker
{
    private ReadMarker() { }

    public ReadMarker(Guid conversationId, string staffId, DateTimeOffset readAt)
    {
        ConversationId = conversationId;
        StaffId = staffId;
        ReadAt = readAt;
    }

    public Guid ConversationId { get; private set; }
    public string StaffId { get; private set; } = "";
    public DateTimeOffset ReadAt { get; private set; }

    public void MoveTo(DateTimeOffset readAt)
    {
        if (readAt > ReadAt) ReadAt = readAt;
    }
}
