using Inbox.Core.Conversations;

namespace Inbox.Core.Channels;

/// <summary>A platform event after its adapter has normalized it. Platform JSON never goes past the adapter.</summary>
public abstract record InboundEvent(ChannelKind Channel, string AccountId, DateTimeOffset Timestamp);

/// <summary>Who wrote, as the platform names them.</summary>
/// <param name="ExternalId">The stable key on that channel account (WhatsApp BSUID when present, else wa_id; Messenger PSID; LINE userId).</param>
/// <param name="Phone">Digits of the phone number when the platform gives one (WhatsApp wa_id).</param>
public sealed record InboundSender(string ExternalId, string? DisplayName, string? Phone, string? Username = null);

/// <summary>A message a patient sent.</summary>
/// <param name="Choice">The button, list row, quick reply or postback the patient tapped (Type = Interactive).</param>
/// <param name="ReplyToken">LINE: a token that lets us answer this event once, free, within about a minute.</param>
public sealed record InboundMessage(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    InboundSender Sender,
    string ProviderMessageId,
    MessageType Type,
    string? Text,
    string? ReplyToProviderMessageId = null,
    InboundMedia? Media = null,
    MessageLocation? Location = null,
    IReadOnlyList<SharedContact>? Contacts = null,
    InboundChoice? Choice = null,
    string? ReplyToken = null) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>A media attachment as the platform references it (downloaded later through the adapter).</summary>
/// <param name="ProviderMediaId">What the adapter needs to fetch it: WhatsApp media id, Messenger attachment URL, LINE message id.</param>
public sealed record InboundMedia(string ProviderMediaId, string? MimeType, string? FileName, string? Sha256, string? Caption = null, bool IsVoice = false);

/// <summary>A tap on something we offered: WhatsApp button/list reply or template button, Messenger quick reply or postback, LINE postback.</summary>
/// <param name="Id">The payload or id we set when offering it.</param>
/// <param name="Title">What the patient saw on the button.</param>
public sealed record InboundChoice(string Id, string? Title);

/// <summary>A patient reacted to a message (or removed their reaction: <paramref name="Emoji"/> null).</summary>
public sealed record InboundReaction(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    InboundSender Sender,
    string TargetProviderMessageId,
    string? Emoji) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>LINE: the patient unsent a message; the platform asks that it no longer be shown.</summary>
public sealed record InboundUnsend(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    InboundSender Sender,
    string ProviderMessageId) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>LINE: the patient added (follow) or blocked (unfollow) the clinic's official account.</summary>
public sealed record InboundFollow(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    InboundSender Sender,
    bool Following,
    string? ReplyToken = null) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>A delivery receipt for one message we sent.</summary>
public sealed record InboundStatus(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    string ProviderMessageId,
    DeliveryStatus Status,
    string? ErrorCode = null,
    string? ErrorReason = null) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>
/// Messenger: "everything we sent this person up to <paramref name="Watermark"/> is delivered (or read)".
/// <paramref name="ProviderMessageIds"/> lists the mids the platform named, when it named any.
/// </summary>
public sealed record InboundWatermark(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    string RecipientExternalId,
    DeliveryStatus Status,
    DateTimeOffset Watermark,
    IReadOnlyList<string> ProviderMessageIds) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>
/// Messenger: the platform's copy of a message the page sent. Ours (matched by provider id) are not stored again;
/// one sent from elsewhere (Meta Business Suite) is recorded as an outbound message so the thread stays complete.
/// </summary>
/// <param name="Metadata">The `metadata` we attached when sending: our message id, so an echo that overtakes the send response is still recognised.</param>
public sealed record InboundEcho(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    string RecipientExternalId,
    string ProviderMessageId,
    MessageType Type,
    string? Text,
    string? AppId,
    string? Metadata = null) : InboundEvent(Channel, AccountId, Timestamp);
