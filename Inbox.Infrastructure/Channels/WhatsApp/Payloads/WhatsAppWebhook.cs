using System.Text.Json.Serialization;

namespace Inbox.Infrastructure.Channels.WhatsApp.Payloads;

// The Cloud API webhook envelope, as documented: entry[].changes[].value with metadata, contacts, messages, statuses.
// Ids and timestamps are strings; only the fields Inbox uses are declared.

internal sealed record WhatsAppWebhook(string? Object, List<WhatsAppEntry>? Entry);

internal sealed record WhatsAppEntry(string? Id, List<WhatsAppChange>? Changes);

internal sealed record WhatsAppChange(string? Field, WhatsAppValue? Value);

internal sealed record WhatsAppValue(
    WhatsAppMetadata? Metadata,
    List<WhatsAppContact>? Contacts,
    List<WhatsAppMessage>? Messages,
    List<WhatsAppStatus>? Statuses);

internal sealed record WhatsAppMetadata(string? DisplayPhoneNumber, string? PhoneNumberId);

internal sealed record WhatsAppContact(WhatsAppProfile? Profile, string? WaId, string? UserId);

internal sealed record WhatsAppProfile(string? Name, string? Username);

internal sealed record WhatsAppMessage(
    string? From,
    string? FromUserId,
    string? Id,
    string? Timestamp,
    string? Type,
    WhatsAppText? Text,
    WhatsAppMedia? Image,
    WhatsAppMedia? Document,
    WhatsAppMedia? Audio,
    WhatsAppMedia? Video,
    WhatsAppMedia? Sticker,
    WhatsAppLocation? Location,
    WhatsAppInteractive? Interactive,
    WhatsAppButton? Button,
    WhatsAppContext? Context,
    List<WhatsAppSharedContact>? Contacts,
    WhatsAppReaction? Reaction,
    List<WhatsAppError>? Errors);

internal sealed record WhatsAppText(string? Body);

/// <summary>image, document, audio, video and sticker share this shape; `voice` only on audio (voice notes).</summary>
internal sealed record WhatsAppMedia(string? Id, string? MimeType, string? Sha256, string? Caption, string? Filename, bool? Voice);

internal sealed record WhatsAppLocation(double Latitude, double Longitude, string? Name, string? Address);

/// <summary>A contact card the patient shared: `messages[].contacts[]` (not the sender list `value.contacts[]`).</summary>
internal sealed record WhatsAppSharedContact(WhatsAppContactName? Name, List<WhatsAppContactPhone>? Phones);

internal sealed record WhatsAppContactName(string? FormattedName, string? FirstName, string? LastName);

internal sealed record WhatsAppContactPhone(string? Phone, string? WaId, string? Type);

internal sealed record WhatsAppInteractive(string? Type, WhatsAppReply? ButtonReply, WhatsAppReply? ListReply);

internal sealed record WhatsAppReply(string? Id, string? Title, string? Description);

internal sealed record WhatsAppButton(string? Payload, string? Text);

internal sealed record WhatsAppContext(string? Id, string? From);

internal sealed record WhatsAppReaction(string? MessageId, string? Emoji);

internal sealed record WhatsAppStatus(string? Id, string? Status, string? Timestamp, string? RecipientId, string? RecipientUserId, List<WhatsAppError>? Errors);

internal sealed record WhatsAppError(int Code, string? Title, string? Message, WhatsAppErrorData? ErrorData);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WhatsAppWebhook))]
[JsonSerializable(typeof(WhatsAppSendResponse))]
[JsonSerializable(typeof(WhatsAppErrorResponse))]
[JsonSerializable(typeof(WhatsAppMediaUrl))]
internal sealed partial class WhatsAppJson : JsonSerializerContext;
