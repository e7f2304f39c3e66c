using System.Text.Json;
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
    JsonElement? Contacts,
    WhatsAppReaction? Reaction);

internal sealed record WhatsAppText(string? Body);

internal sealed record WhatsAppMedia(string? Id, string? MimeType, string? Sha256, string? Caption, string? Filename);

internal sealed record WhatsAppLocation(double Latitude, double Longitude, string? Name, string? Address);

internal sealed record WhatsAppInteractive(string? Type, WhatsAppReply? ButtonReply, WhatsAppReply? ListReply);

internal sealed record WhatsAppReply(string? Id, string? Title);

internal sealed record WhatsAppButton(string? Payload, string? Text);

internal sealed record WhatsAppContext(string? Id, string? From);

internal sealed record WhatsAppReaction(string? MessageId, string? Emoji);

internal sealed record WhatsAppStatus(string? Id, string? Status, string? Timestamp, string? RecipientId, string? RecipientUserId, List<WhatsAppError>? Errors);

internal sealed record WhatsAppError(int Code, string? Title, string? Message);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(WhatsAppWebhook))]
[JsonSerializable(typeof(WhatsAppSendResponse))]
[JsonSerializable(typeof(WhatsAppErrorResponse))]
internal sealed partial class WhatsAppJson : JsonSerializerContext;
