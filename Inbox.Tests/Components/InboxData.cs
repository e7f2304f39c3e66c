using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Components;

/// <summary>Read models with sensible defaults, so each test states only what it is about.</summary>
internal static class InboxData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static ConversationListItem Conversation(string name, DateTimeOffset lastMessageAt, int unread = 0, Guid? id = null,
        DateTimeOffset? lastInboundAt = null, ChannelKind channel = ChannelKind.WhatsApp, string? preview = "Hello") =>
        new(id ?? Guid.NewGuid(), Guid.NewGuid(), name, ConversationStatus.Open, HandledBy.Human, null, Priority.Normal,
            [channel], lastMessageAt, preview, unread, lastInboundAt ?? lastMessageAt, channel, UnreadForMe: unread > 0);

    public static ThreadMessage Inbound(Guid conversationId, string text, DateTimeOffset at) =>
        new(Guid.NewGuid(), conversationId, MessageDirection.In, ChannelKind.WhatsApp, "acct", MessageType.Text, text,
            DeliveryStatus.Delivered, null, null, "wamid.in", MessageAuthor.Patient, at, 0, null);

    public static ThreadMessage Outbound(Guid conversationId, string text, DateTimeOffset at, DeliveryStatus status,
        string? errorReason = null, int attempts = 0) =>
        new(Guid.NewGuid(), conversationId, MessageDirection.Out, ChannelKind.WhatsApp, "acct", MessageType.Text, text,
            status, errorReason is null ? null : "131026", errorReason, null, MessageAuthor.Agent("front-desk", "Front desk"), at,
            attempts, null);
}
