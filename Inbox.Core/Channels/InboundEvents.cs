using Inbox.Core.Conversations;

namespace Inbox.Core.Channels;

/// <summary>A platform event after its adapter has normalized it. Platform JSON never goes past the adapter.</summary>
public abstract record InboundEvent(ChannelKind Channel, string AccountId, DateTimeOffset Timestamp);

/// <summary>Who wrote, as the platform names them.</summary>
/// <param name="ExternalId">The stable key on that channel account (WhatsApp BSUID when present, else wa_id).</param>
/// <param name="Phone">Digits of the phone number when the platform gives one (WhatsApp wa_id).</param>
public sealed record InboundSender(string ExternalId, string? DisplayName, string? Phone, string? Username = null);

/// <summary>A message a patient sent.</summary>
public sealed record InboundMessage(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    InboundSender Sender,
    string ProviderMessageId,
    MessageType Type,
    string? Text,
    string? ReplyToProviderMessageId = null,
    InboundMedia? Media = null) : InboundEvent(Channel, AccountId, Timestamp);

/// <summary>A media attachment as the platform references it (downloaded later).</summary>
public sealed record InboundMedia(string ProviderMediaId, string? MimeType, string? FileName, string? Sha256);

/// <summary>A delivery receipt for a message we sent.</summary>
public sealed record InboundStatus(
    ChannelKind Channel,
    string AccountId,
    DateTimeOffset Timestamp,
    string ProviderMessageId,
    DeliveryStatus Status,
    string? ErrorCode = null,
    string? ErrorReason = null) : InboundEvent(Channel, AccountId, Timestamp);
