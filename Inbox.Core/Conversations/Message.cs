using System.Linq.Expressions;
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

    /// <summary>
    /// What the patient wrote: not a system line about them (a LINE follow, a bot's consent line). The platforms'
    /// windows, unread counts and "messages in" count only these. One rule for queries and the domain alike.
    /// </summary>
    public static readonly Expression<Func<Message, bool>> FromPatient = m => m.Direction == MessageDirection.In && m.Type != MessageType.System;

    /// <summary>What went (or goes) to the patient: not private notes, not workflow lines ("Dana assigned this to Lee").</summary>
    public static readonly Expression<Func<Message, bool>> ToPatient = m => m.Direction == MessageDirection.Out && m.Type != MessageType.Note && m.Type != MessageType.System;

    /// <summary>What the inbox list previews as a thread's latest: everything but private notes and workflow lines.</summary>
    public static readonly Expression<Func<Message, bool>> ShownInList = m => m.Type != MessageType.Note && !(m.Type == MessageType.System && m.Direction == MessageDirection.Out);

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
    /// <summary>What the adapter needs to download the attachment (media id, attachment URL, LINE message id).</summary>
    public string? MediaId { get; private set; }
    public string? MediaMimeType { get; private set; }
    public string? MediaFileName { get; private set; }
    public string? MediaCaption { get; private set; }
    /// <summary>The platform's SHA-256 when it gives one (checked after download), else ours once stored.</summary>
    public string? MediaSha256 { get; private set; }
    public long? MediaSize { get; private set; }
    public bool MediaIsVoice { get; private set; }
    public MediaState? MediaState { get; private set; }
    public int MediaAttempts { get; private set; }
    /// <summary>Set while the attachment waits for a download attempt: the media fetcher's queue.</summary>
    public DateTimeOffset? MediaNextAttemptAt { get; private set; }
    public string? MediaError { get; private set; }
    public double? LocationLatitude { get; private set; }
    public double? LocationLongitude { get; private set; }
    public string? LocationName { get; private set; }
    public string? LocationAddress { get; private set; }
    public MessageExtras? Extras { get; private set; }
    /// <summary>The patient took the message back (LINE unsend): its content is no longer shown to anyone.</summary>
    public DateTimeOffset? UnsentAt { get; private set; }
    /// <summary>The patient's reaction to this message (an emoji), null when none or removed.</summary>
    public string? PatientReaction { get; private set; }
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

    public MessageLocation? Location => LocationLatitude is { } lat && LocationLongitude is { } lng
        ? new MessageLocation(lat, lng, LocationName, LocationAddress)
        : null;

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
        MediaFileName = inbound.Media?.FileName,
        MediaCaption = inbound.Media?.Caption,
        MediaSha256 = inbound.Media?.Sha256,
        MediaIsVoice = inbound.Media?.IsVoice ?? false,
        MediaState = inbound.Media is null ? null : Conversations.MediaState.Pending,
        MediaNextAttemptAt = inbound.Media is null ? null : inbound.Timestamp,
        LocationLatitude = inbound.Location?.Latitude,
        LocationLongitude = inbound.Location?.Longitude,
        LocationName = inbound.Location?.Name,
        LocationAddress = inbound.Location?.Address,
        Extras = new MessageExtras(Chosen: inbound.Choice, Contacts: inbound.Contacts) is { IsEmpty: false } extras ? extras : null,
        Status = DeliveryStatus.Delivered,
        AuthorKind = AuthorKind.Patient,
        CreatedAt = inbound.Timestamp,
    };

    /// <summary>Something that happened rather than something said (a LINE follow, a block); shown centred in the thread.</summary>
    public static Message System(Guid conversationId, Guid channelIdentityId, ChannelKind channel, string accountId, string providerEventId, string text, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        ChannelIdentityId = channelIdentityId,
        Direction = MessageDirection.In,
        Channel = channel,
        AccountId = accountId,
        Type = MessageType.System,
        Text = text,
        ProviderMessageId = providerEventId,
        Status = DeliveryStatus.Delivered,
        AuthorKind = AuthorKind.System,
        CreatedAt = at,
    };

    /// <summary>
    /// A workflow line staff see in the thread ("Dana assigned this to Lee", "Resolved by Lee"): no identity, never
    /// sent, and it does not move the conversation in the list. Channel and account are the thread's last ones, for the badge.
    /// </summary>
    public static Message Activity(Guid conversationId, ChannelKind channel, string accountId, string text, MessageAuthor by, DateTimeOffset at) => new()
    {
        ConversationId = conversationId,
        Direction = MessageDirection.Out,
        Channel = channel,
        AccountId = accountId,
        Type = MessageType.System,
        Text = text,
        ProviderMessageId = $"activity:{Guid.CreateVersion7():N}",
        Status = DeliveryStatus.Delivered,
        AuthorKind = AuthorKind.System,
        AuthorId = by.Id,
        AuthorName = by.Name,
        CreatedAt = at,
    };

    /// <summary>A message the clinic's page sent from outside Inbox (Meta Business Suite), seen through its echo.</summary>
    public static Message SentElsewhere(Guid conversationId, Guid channelIdentityId, InboundEcho echo) => new()
    {
        ConversationId = conversationId,
        ChannelIdentityId = channelIdentityId,
        Direction = MessageDirection.Out,
        Channel = echo.Channel,
        AccountId = echo.AccountId,
        Type = echo.Type,
        Text = echo.Text,
        ProviderMessageId = echo.ProviderMessageId,
        Status = DeliveryStatus.Sent,
        StatusAt = echo.Timestamp,
        AuthorKind = AuthorKind.Agent,
        AuthorName = "Sent outside Inbox",
        CreatedAt = echo.Timestamp,
    };
    /// <summary>
    /// A private note for colleagues, kept in the thread as a message row so the thread stays one query.
    /// It never enters the outbound queue: no next attempt time and no channel identity to send to.
    /// </summary>
    public static Message Note(Guid conversationId, ChannelKind channel, string text, MessageAuthor author, DateTimeOffset now) => new()
    {
        ConversationId = conversationId,
        Direction = MessageDirection.Out,
        Channel = channel,
        Type = MessageType.Note,
        Text = text,
        Status = DeliveryStatus.Sent,
        AuthorKind = author.Kind,
        AuthorId = author.Id,
        AuthorName = author.Name,
        CreatedAt = now,
        StatusAt = now,
    };

    public static Message QueueOutbound(Guid conversationId, Guid channelIdentityId, ChannelKind channel, string accountId, string text, MessageAuthor author, DateTimeOffset now,
        MessageExtras? extras = null) => new()
    {
        Extras = extras is { IsEmpty: false } ? extras : null,
        ConversationId = conversationId,
        ChannelIdentityId = channelIdentityId,
        Direction = MessageDirection.Out,
        Channel = channel,
        AccountId = accountId,
        Type = extras?.Template is not null ? MessageType.Template : extras?.Choices is not null ? MessageType.Interactive : MessageType.Text,
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

    public void MarkUnsent(DateTimeOffset at)
    {
        if (Direction != MessageDirection.In) throw new InboxDomainException("Only a patient's message can be unsent.");
        UnsentAt ??= at;
        // The attachment goes too: the media fetcher deletes a stored file (or never downloads a pending one) when this
        // comes due, so applying the webhook touches no files.
        if (MediaState is Conversations.MediaState.Pending or Conversations.MediaState.Stored) MediaNextAttemptAt = at;
    }

    /// <summary>The attachment of an unsent message is gone from the store (or was never downloaded).</summary>
    public void MediaRemovedAfterUnsend()
    {
        if (UnsentAt is null) throw new InboxDomainException("Only an unsent message's attachment is removed.");
        MediaState = Conversations.MediaState.Failed;
        MediaError = "Unsent by the patient";
        MediaNextAttemptAt = null;
    }

    /// <summary>The patient reacted to this message with <paramref name="emoji"/>, or took the reaction back (null).</summary>
    public void SetPatientReaction(string? emoji) => PatientReaction = string.IsNullOrEmpty(emoji) ? null : emoji;

    /// <summary>The attachment is in local storage; <paramref name="contentType"/> is what the download said (Messenger and LINE name none up front).</summary>
    public void MediaStored(long size, string sha256, string? contentType = null)
    {
        MediaState = Conversations.MediaState.Stored;
        if (!string.IsNullOrWhiteSpace(contentType)) MediaMimeType = contentType;
        MediaSize = size;
        MediaSha256 = sha256;
        MediaAttempts++;
        MediaNextAttemptAt = null;
        MediaError = null;
    }

    /// <summary>The download failed but may work later.</summary>
    public void MediaRetryAt(string error, DateTimeOffset nextAttemptAt)
    {
        MediaAttempts++;
        MediaError = error;
        MediaNextAttemptAt = nextAttemptAt;
    }

    /// <summary>Kept out for good: refused by our rules (<see cref="Conversations.MediaState.Rejected"/>) or gone at the platform.</summary>
    public void MediaGivenUp(MediaState state, string reason, long? size = null)
    {
        if (state is not (Conversations.MediaState.Rejected or Conversations.MediaState.Failed)) throw new ArgumentOutOfRangeException(nameof(state));
        MediaState = state;
        MediaAttempts++;
        MediaError = reason;
        MediaSize = size ?? MediaSize;
        MediaNextAttemptAt = null;
    }

    private void EnsureOutbound()
    {
        if (Direction != MessageDirection.Out) throw new InboxDomainException("Only messages we send have a delivery state.");
    }
}
