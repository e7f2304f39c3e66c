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
    /// <summary>
    /// Set while a contact merge has folded this thread into the survivor's thread in the same inbox: its messages
    /// live there, and lists skip it. An unmerge clears it and the messages come back.
    /// </summary>
    public Guid? MergedIntoConversationId { get; private set; }

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

    /// <summary>A merge folds this thread into <paramref name="survivor"/>; what it showed as unread stays unread there.</summary>
    public void FoldInto(Conversation survivor)
    {
        if (survivor.Id == Id) throw new InboxDomainException("A conversation cannot be folded into itself.");
        if (MergedIntoConversationId is not null) throw new InboxDomainException("This conversation was already folded into another one.");
        if (survivor.SharedInboxId != SharedInboxId) throw new InboxDomainException("Only threads of one shared inbox can be folded together.");
        MergedIntoConversationId = survivor.Id;
        survivor.UnreadCount += UnreadCount;
    }

    /// <summary>A contact merge (or its undo) hands the whole thread to the other record of the same patient.</summary>
    public void ReassignContact(Guid contactId) => ContactId = contactId;

    /// <summary>An unmerge gives the thread its messages back, and takes back the unread count the fold had added.</summary>
    public void Unfold(Conversation survivor)
    {
        if (MergedIntoConversationId != survivor.Id) throw new InboxDomainException("This conversation is not folded into that one.");
        MergedIntoConversationId = null;
        survivor.UnreadCount = Math.Max(0, survivor.UnreadCount - UnreadCount);
    }

    /// <summary>After messages moved in or out: the list fields are recomputed from the messages the thread now holds.</summary>
    public void Resummarize(ConversationSummary summary, int unreadCount)
    {
        LastMessageAt = summary.LastMessageAt ?? CreatedAt;
        LastMessageDirection = summary.LastMessageDirection;
        LastMessagePreview = summary.LastMessageText is null && summary.LastMessageType is null ? null
            : Preview(summary.LastMessageText, summary.LastMessageType ?? MessageType.Text);
        LastInboundAt = summary.LastInboundAt;
        LastInboundChannel = summary.LastInboundChannel;
        ChannelMask = summary.InboundChannels.Aggregate(0, (mask, c) => mask | 1 << (int)c);
        UnreadCount = Math.Max(0, unreadCount);
    }

    private void Touch(Message message)
    {
        // Messages can arrive out of order (batches, retries): the list shows the newest one.
        if (message.CreatedAt < LastMessageAt && LastMessagePreview is not null) return;
        LastMessageAt = message.CreatedAt;
        LastMessageDirection = message.Direction;
        LastMessagePreview = Preview(message.Text, message.Type);
    }

    private static string Preview(string? text, MessageType type)
    {
        text ??= $"[{type.ToString().ToLowerInvariant()}]";
        return text.Length <= PreviewLength ? text : text[..PreviewLength];
    }
}

/// <summary>What the list shows about a thread, read from its messages (after a merge moved some in or out).</summary>
public sealed record ConversationSummary(
    DateTimeOffset? LastMessageAt, MessageDirection? LastMessageDirection, string? LastMessageText, MessageType? LastMessageType,
    DateTimeOffset? LastInboundAt, ChannelKind? LastInboundChannel, IReadOnlyList<ChannelKind> InboundChannels);
