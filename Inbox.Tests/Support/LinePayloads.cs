using System.Text.Json;

namespace Inbox.Tests.Support;

/// <summary>Builds Messaging API webhook bodies in the documented shape (see Fixtures/line), with the values a test needs.</summary>
public static class LinePayloads
{
    public const string Destination = "Ua4c123b1612dd272d1371c17149d4395";

    /// <summary>A fresh LINE-shaped user id (`U` + 32 hex digits).</summary>
    public static string NewUserId() => "U" + Guid.NewGuid().ToString("N");

    public static string NewMessageId() => Random.Shared.NextInt64(100_000_000_000_000_000, 999_999_999_999_999_999).ToString();

    /// <summary>A ULID-shaped id, as LINE's `webhookEventId`.</summary>
    public static string NewWebhookEventId() => "01K" + Guid.NewGuid().ToString("N")[..23].ToUpperInvariant();

    public static string NewReplyToken() => Guid.NewGuid().ToString("N");

    public static object TextEvent(string userId, string text, string? messageId = null, string? webhookEventId = null, string? replyToken = null,
        DateTimeOffset? at = null, bool redelivery = false) => new
    {
        type = "message",
        message = new { type = "text", id = messageId ?? NewMessageId(), quoteToken = "q-" + Guid.NewGuid().ToString("N")[..12], text },
        webhookEventId = webhookEventId ?? NewWebhookEventId(),
        deliveryContext = new { isRedelivery = redelivery },
        timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        replyToken = replyToken ?? NewReplyToken(),
        mode = "active",
    };

    public static string Text(string userId, string text, string? messageId = null, string? webhookEventId = null, string? replyToken = null,
        DateTimeOffset? at = null, bool redelivery = false) =>
        Envelope(TextEvent(userId, text, messageId, webhookEventId, replyToken, at, redelivery));

    /// <summary>A user adds the account as a friend (see Fixtures/line/line-follow.json); it comes before their first message.</summary>
    public static string Follow(string userId, string? replyToken = null, DateTimeOffset? at = null) => Envelope(new
    {
        type = "follow",
        follow = new { isUnblocked = false },
        webhookEventId = NewWebhookEventId(),
        deliveryContext = new { isRedelivery = false },
        timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        replyToken = replyToken ?? NewReplyToken(),
        mode = "active",
    });

    /// <summary>A photo kept by LINE (`contentProvider: line`), fetched later from the content endpoint by <paramref name="messageId"/>.</summary>
    public static object ImageEvent(string userId, string messageId) => new
    {
        type = "message",
        message = new { type = "image", id = messageId, quoteToken = "q-" + Guid.NewGuid().ToString("N")[..12], contentProvider = new { type = "line" } },
        webhookEventId = NewWebhookEventId(),
        deliveryContext = new { isRedelivery = false },
        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        replyToken = NewReplyToken(),
        mode = "active",
    };

    /// <summary>The patient takes message <paramref name="messageId"/> back.</summary>
    public static object UnsendEvent(string userId, string messageId) => new
    {
        type = "unsend",
        mode = "active",
        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        webhookEventId = NewWebhookEventId(),
        deliveryContext = new { isRedelivery = false },
        unsend = new { messageId },
    };

    /// <summary>A tap on a postback action we offered (a quick reply): LINE sends our `data` back, with a fresh reply token.</summary>
    public static string Postback(string userId, string data, string? replyToken = null) => Envelope(new
    {
        type = "postback",
        postback = new { data },
        webhookEventId = NewWebhookEventId(),
        deliveryContext = new { isRedelivery = false },
        timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        source = new { type = "user", userId },
        replyToken = replyToken ?? NewReplyToken(),
        mode = "active",
    });

    public static string Envelope(params object[] events) => JsonSerializer.Serialize(new { destination = Destination, events });
}
