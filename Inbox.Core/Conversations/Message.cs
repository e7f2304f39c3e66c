using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>
/// One message in a conversation, in either direction. Outbound messages are also the durable outbound
/// queue: a queued message carries its next attempt time until the platform accepts it.
/// </summary>
public sealed class Message : Entity
{
    private Message() { }

    public Guid ConversationId { get; private set; }
    public Guid? ChannelIdentityId { get; private set; }
    public MessageDirection Direction { get; private set; }
    public ChannelKind Channel { get; private set; }
    public string AccountId { get; private set; } = "";
    public MessageType Type { get; private set; }
    public string? Text { get; private set; }
    /// <summary>The platform's id for this message (wamid, mid, LINE message id): the dedupe key.</summary>
    public string? ProviderMessageId { get; private set; }
    public string? ReplyToProviderMessageId { get; private set; }
    public string? MediaId { get; private set; }
    public string? MediaMimeType { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public string? ErrorCode { get; private set; }
    public string? ErrorReason { get; private set; }
    public AuthorKind AuthorKind { get; private set; }
    public string? AuthorId { get; private set; }
    public string? AuthorName { get; private set; }
    /// <summary>When the patient sent it (platform time) or when staff queued it.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? StatusAt { get; private set; }
    public int SendAttempts { get; private set; }
    /// <summary>Set while the message waits in the outbound queue; null once it has left or failed for good.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }

    public MessageAuthor Author => new(AuthorKind, AuthorId, AuthorName);

    public static Message Inbound(Guid conversationId, Guid channelIdentityId, InboundMessage inbound) => new()
    {
        ConversationId = conversationId,
        ChannelIdentityId = channelIdentityId,
        Direction = MessageDirection.In,
        Channel = inbound.Channel,
        AccountId = inbound.AccountId,
        Type = inbound.Type,
        Text = inbound.Text,
        ProviderMessageId = inbound.ProviderMessageId,
        ReplyToProviderMessageId = inbound.ReplyToProviderMessageId,
        MediaId = inbound.Media?.ProviderMediaId,
        MediaMimeType = inbound.Media?.MimeType,
        Status = DeliveryStatus.Delivered,
        AuthorKind = AuthorKind.Patient,
        CreatedAt = inbound.Timestamp,
    };

    public static Message QueueOutbound(Guid conversationId, Guid channelIdentityId, ChannelKind channel, string accountId, string text, MessageAuthor author, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        ChannelIdentityId = channelIdentityId,
        Direction = MessageDirection.Out,
        Channel = channel,
        AccountId = accountId,
        Type = MessageType.Text,
        Text = text,
        Status = DeliveryStatus.Queued,
        AuthorKind = author.Kind,
        AuthorId = author.Id,
        AuthorName = author.Name,
        CreatedAt = now,
        StatusAt = now,
        NextAttemptAt = now,
    };

    /// <summary>The platform accepted the message.</summary>
    public void MarkSent(string providerMessageId, DateTimeOffset at)
    {
        EnsureOutbound();
        ProviderMessageId = providerMessageId;
        SendAttempts++;
        NextAttemptAt = null;
        ErrorCode = null;
        ErrorReason = null;
        ApplyReceipt(DeliveryStatus.Sent, at);
    }

    /// <summary>The attempt failed but may work later: stay queued, try again at <paramref name="nextAttemptAt"/>.</summary>
    public void ScheduleRetry(string? errorCode, string reason, DateTimeOffset nextAttemptAt)
    {
        EnsureOutbound();
        if (Status != DeliveryStatus.Queued) throw new InboxDomainException("Only a queued message can be retried.");
        SendAttempts++;
        ErrorCode = errorCode;
        ErrorReason = reason;
        NextAttemptAt = nextAttemptAt;
    }

    /// <summary>The platform refused the message for good (on send, or later in a receipt).</summary>
    public void MarkFailed(string? errorCode, string reason, DateTimeOffset at)
    {
        EnsureOutbound();
        if (!DeliveryStatusRules.CanAdvance(Status, DeliveryStatus.Failed)) return;
        ErrorCode = errorCode;
        ErrorReason = reason;
        NextAttemptAt = null;
        Status = DeliveryStatus.Failed;
        StatusAt = at;
    }

    /// <summary>Staff asked to try a failed message again.</summary>
    public void Requeue(DateTimeOffset now)
    {
        EnsureOutbound();
        if (Status != DeliveryStatus.Failed) throw new InboxDomainException("Only a failed message can be sent again.");
        Status = DeliveryStatus.Queued;
        StatusAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Applies a delivery receipt; returns false when it is stale (statuses only move forward).</summary>
    public bool ApplyReceipt(DeliveryStatus status, DateTimeOffset at, string? errorCode = null, string? errorReason = null)
    {
        if (!DeliveryStatusRules.CanAdvance(Status, status)) return false;
        Status = status;
        StatusAt = at;
        if (status == DeliveryStatus.Failed)
        {
            ErrorCode = errorCode;
            ErrorReason = errorReason;
            NextAttemptAt = null;
        }
        return true;
    }

    private void EnsureOutbound()
    {
        if (Direction != MessageDirection.Out) throw new InboxDomainException("Only messages we send have a delivery state.");
    }
}
