namespace Inbox.Infrastructure.Channels.Line.Payloads;

// The Messaging API webhook envelope, as documented: `destination` (the bot's user id) and `events[]`.
// Only the fields Inbox uses are declared; timestamps are Unix milliseconds.

internal sealed record LineWebhook(string? Destination, List<LineEvent>? Events);

internal sealed record LineEvent(
    string? Type,
    string? Mode,
    long Timestamp,
    LineSource? Source,
    string? WebhookEventId,
    LineDeliveryContext? DeliveryContext,
    string? ReplyToken,
    LineMessage? Message,
    LinePostback? Postback,
    LineFollow? Follow,
    LineUnsend? Unsend = null);

internal sealed record LineUnsend(string? MessageId);

internal sealed record LineSource(string? Type, string? UserId, string? GroupId, string? RoomId);

internal sealed record LineDeliveryContext(bool IsRedelivery);

internal sealed record LineMessage(
    string? Type,
    string? Id,
    string? Text,
    string? QuotedMessageId,
    LineContentProvider? ContentProvider,
    long? Duration,
    string? FileName,
    long? FileSize,
    string? Title,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? PackageId,
    string? StickerId,
    string? StickerResourceType);

internal sealed record LineContentProvider(string? Type, string? OriginalContentUrl, string? PreviewImageUrl);

internal sealed record LinePostback(string? Data, LinePostbackParams? Params);

internal sealed record LinePostbackParams(string? Date, string? Time, string? Datetime);

internal sealed record LineFollow(bool IsUnblocked);
