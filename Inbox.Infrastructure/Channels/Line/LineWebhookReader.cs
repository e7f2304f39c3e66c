using System.Globalization;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Line.Payloads;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>
/// Reads Messaging API webhook bodies into normalized events, every event of a batch in order.
/// Provider ids: a message event is keyed on LINE's message id (stable across redeliveries, and the id LINE uses in
/// `quotedMessageId` and in our own `sentMessages`); a postback has no message id and is keyed on `webhookEventId`.
/// Follow/unfollow carry no id and are idempotent. So a redelivered event (`isRedelivery: true`, different bytes,
/// same ids) is stored once.
/// </summary>
internal static class LineWebhookReader
{
    public static LineWebhook? Deserialize(ReadOnlySpan<byte> body)
    {
        try
        {
            var hook = JsonSerializer.Deserialize(body, LineJson.Default.LineWebhook);
            return hook is { Events: not null } ? hook : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static IReadOnlyList<InboundEvent> Read(LineWebhook hook, string channelId)
    {
        var events = new List<InboundEvent>(hook.Events!.Count);
        foreach (var e in hook.Events!)
        {
            // A clinic's official account talks to patients one-to-one; group and room chats are not an inbox thread.
            if (e.Source is not { Type: "user", UserId: { Length: > 0 } userId }) continue;
            var sender = new InboundSender(userId, DisplayName: null, Phone: null);
            var at = DateTimeOffset.FromUnixTimeMilliseconds(e.Timestamp);
            // In standby another module owns the chat: record what the patient wrote, never answer it.
            var replyToken = e.Mode == "standby" ? null : e.ReplyToken;
            InboundEvent? inbound = e.Type switch
            {
                "message" => ReadMessage(e, channelId, at, sender, replyToken),
                "postback" => ReadPostback(e, channelId, at, sender, replyToken),
                "follow" => new InboundFollow(ChannelKind.Line, channelId, at, sender, Following: true, replyToken),
                "unfollow" => new InboundFollow(ChannelKind.Line, channelId, at, sender, Following: false),
                "unsend" when e.Unsend?.MessageId is { Length: > 0 } unsent => new InboundUnsend(ChannelKind.Line, channelId, at, sender, unsent),
                // join/leave, memberJoined/Left, beacon, accountLink, videoPlayComplete…: nothing for the inbox.
                _ => null,
            };
            if (inbound is not null) events.Add(inbound);
        }
        return events;
    }

    private static InboundMessage? ReadMessage(LineEvent e, string channelId, DateTimeOffset at, InboundSender sender, string? replyToken)
    {
        if (e.Message is not { Id: { Length: > 0 } id } m) return null;
        (MessageType Type, string? Text, InboundMedia? Media, MessageLocation? Location) content = m.Type switch
        {
            "text" => (MessageType.Text, m.Text, null, null),
            "image" => (MessageType.Image, null, Media(m, "image/jpeg"), null),
            "video" => (MessageType.Video, null, Media(m, "video/mp4"), null),
            "audio" => (MessageType.Audio, null, Media(m, "audio/x-m4a"), null),
            "file" => (MessageType.Document, m.FileName, Media(m, null) with { FileName = m.FileName }, null),
            "location" => (MessageType.Location, LocationText(m), null, Location(m)),
            // Message stickers carry the words the patient typed on them; plain stickers have none.
            "sticker" => (MessageType.Sticker, m.Text, null, null),
            _ => (MessageType.Unsupported, null, null, null),
        };
        return new InboundMessage(ChannelKind.Line, channelId, at, sender, id, content.Type, content.Text,
            ReplyToProviderMessageId: m.QuotedMessageId, Media: content.Media, Location: content.Location, ReplyToken: replyToken);
    }

    /// <summary>
    /// LINE-hosted content is fetched by message id; content the sender's app hosts elsewhere (`contentProvider`
    /// `external`) by its URL. LINE names no MIME type in the webhook: these are the formats its apps send, and the
    /// download says the real one.
    /// </summary>
    private static InboundMedia Media(LineMessage m, string? usualMimeType) =>
        m.ContentProvider is { Type: "external", OriginalContentUrl: { Length: > 0 } url }
            ? new InboundMedia(url, usualMimeType, null, null)
            : new InboundMedia(m.Id!, usualMimeType, null, null);

    private static MessageLocation? Location(LineMessage m) =>
        m is { Latitude: { } lat, Longitude: { } lon } ? new MessageLocation(lat, lon, m.Title, m.Address) : null;

    private static string? LocationText(LineMessage m) =>
        m is { Latitude: { } lat, Longitude: { } lon }
            ? string.Join(" · ", new[] { m.Title, m.Address, $"{lat.ToString(CultureInfo.InvariantCulture)},{lon.ToString(CultureInfo.InvariantCulture)}" }.Where(s => !string.IsNullOrEmpty(s)))
            : null;

    /// <summary>
    /// A tap on a postback action (a quick reply we offered, a rich menu button, a date picker). The webhook carries
    /// our `data` back, not the button's label; a date/time picker adds the chosen value, which is what the patient saw.
    /// </summary>
    private static InboundMessage? ReadPostback(LineEvent e, string channelId, DateTimeOffset at, InboundSender sender, string? replyToken)
    {
        if (e.Postback?.Data is not { } data || e.WebhookEventId is not { Length: > 0 } eventId) return null;
        var picked = e.Postback.Params is { } p ? p.Datetime ?? p.Date ?? p.Time : null;
        return new InboundMessage(ChannelKind.Line, channelId, at, sender, eventId, MessageType.Interactive, picked ?? data,
            Choice: new InboundChoice(data, picked), ReplyToken: replyToken);
    }
}
