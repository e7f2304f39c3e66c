using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>
/// A thread of care with one contact. Messages are their own rows (a thread can hold thousands);
/// the conversation keeps what the inbox list shows and guards status and ownership changes.
/// </summary>
public sealed partial class Conversation : AggregateRoot
{
    public const int PreviewLength = 140;

    private Conversation() { }

    public Conversation(Guid contactId, Guid sharedInboxId, DateTimeOffset createdAt)
    {
        ContactId = contactId;
        SharedInboxId = sharedInboxId;
        CreatedAt = createdAt;
        LastMessageAt = createdAt;
        Status = ConversationStatus.Open;
        HandledBy = HandledBy.Human;
        Priority = Priority.Normal;
    }

    public Guid ContactId { get; private set; }
    /// <summary>The shared inbox whose teams work this thread (from the channel account the patient first wrote to).</summary>
    public Guid SharedInboxId { get; private set; }
    public ConversationStatus Status { get; private set; }
    public HandledBy HandledBy { get; private set; }
    public string? AssigneeId { get; private set; }
    public Priority Priority { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }
    public string? LastMessagePreview { get; private set; }
    public MessageDirection? LastMessageDirection { get; private set; }
    /// <summary>The patient's last message: it opens the platforms' messaging windows.</summary>
    public DateTimeOffset? LastInboundAt { get; private set; }
    public ChannelKind? LastInboundChannel { get; private set; }
    /// <summary>Bit per <see cref="ChannelKind"/> the patient has written from in this thread.</summary>
    public int ChannelMask { get; private set; }
    public int UnreadCount { get; private set; }

    public IEnumerable<ChannelKind> Channels =>
        Enum.GetValues<ChannelKind>().Where(c => (ChannelMask & (1 << (int)c)) != 0);

    /// <summary>A patient message arrived: bump the thread, count it unread, reopen it if it was resolved or snoozed.</summary>
    public void RecordInbound(Message message)
    {
        if (message.Direction != MessageDirection.In) throw new InboxDomainException("Not an inbound message.");
        UnreadCount++;
        ChannelMask |= 1 << (int)message.Channel;
        if (LastInboundAt is null || message.CreatedAt >= LastInboundAt)
        {
            LastInboundAt = message.CreatedAt;
            LastInboundChannel = message.Channel;
        }
        if (Status is ConversationStatus.Resolved or ConversationStatus.Snoozed) Status = ConversationStatus.Open;
        Touch(message);
    }

    /// <summary>Staff or the bot queued a reply.</summary>
    public void RecordOutbound(Message message)
    {
        if (message.Direction != MessageDirection.Out) throw new InboxDomainException("Not an outbound message.");
        Touch(message);
    }

    /// <summary>An event worth showing in the thread (a follow, a block) that is neither the patient's words nor a reply.</summary>
    public void RecordSystem(Message message)
    {
        if (message.Type != MessageType.System) throw new InboxDomainException("Not a system message.");
        Touch(message);
    }

    /// <summary>The patient unsent a message: if the list was previewing it, it must stop.</summary>
    public void ForgetPreviewOf(Message message)
    {
        if (message.CreatedAt == LastMessageAt && LastMessageDirection == MessageDirection.In) LastMessagePreview = "Message unsent";
    }

    public void MarkRead() => UnreadCount = 0;

    private void Touch(Message message)
    {
        // Messages can arrive out of order (batches, retries): the list shows the newest one.
        if (message.CreatedAt < LastMessageAt && LastMessagePreview is not null) return;
        LastMessageAt = message.CreatedAt;
        LastMessageDirection = message.Direction;
        LastMessagePreview = Preview(message);
    }

    private static string Preview(Message message)
    {
        var text = message.Text ?? $"[{message.Type.ToString().ToLowerInvariant()}]";
        return text.Length <= PreviewLength ? text : text[..PreviewLength];
    }
}
