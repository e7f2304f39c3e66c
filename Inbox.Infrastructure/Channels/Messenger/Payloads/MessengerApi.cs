using System.Text.Json.Serialization;

namespace Inbox.Infrastructure.Channels.Messenger.Payloads;

// Send API requests and responses, User Profile API response and the Graph error shape, as documented.

/// <param name="MessagingType">`RESPONSE` inside the 24-hour window, `MESSAGE_TAG` (with <paramref name="Tag"/>) outside it.</param>
internal sealed record MessengerSendRequest(MessengerRecipient Recipient, string MessagingType, string? Tag, MessengerOutgoingMessage Message);

internal sealed record MessengerRecipient(string Id);

/// <param name="Metadata">Comes back in the echo of this message: Inbox sets its own message id.</param>
internal sealed record MessengerOutgoingMessage(
    string? Text,
    MessengerOutgoingAttachment? Attachment,
    List<MessengerQuickReply>? QuickReplies,
    string? Metadata);

/// <param name="Type">`image`, `audio`, `video` or `file`; Messenger downloads <see cref="MessengerUrlPayload.Url"/> itself.</param>
internal sealed record MessengerOutgoingAttachment(string Type, MessengerUrlPayload Payload);

internal sealed record MessengerUrlPayload(string Url);

internal sealed record MessengerQuickReply(string ContentType, string Title, string Payload);

internal sealed record MessengerSendResponse(string? RecipientId, string? MessageId);

internal sealed record MessengerProfile(string? Id, string? FirstName, string? LastName, string? ProfilePic);

internal sealed record MessengerErrorResponse(MessengerGraphError? Error);

internal sealed record MessengerGraphError(int Code, int? ErrorSubcode, string? Message, string? Type, string? FbtraceId);

// Numbers (timestamps, watermarks, app_id, sticker_id) are also read when quoted as strings.
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(MessengerWebhook))]
[JsonSerializable(typeof(MessengerSendRequest))]
[JsonSerializable(typeof(MessengerSendResponse))]
[JsonSerializable(typeof(MessengerProfile))]
[JsonSerializable(typeof(MessengerErrorResponse))]
internal sealed partial class MessengerJson : JsonSerializerContext;
