using System.Globalization;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Messenger.Payloads;

namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>
/// Reads Messenger webhook bodies into normalized events: every event of every entry of a batch, from
/// `messaging[]` and from `standby[]` (the patient wrote while another app, such as the Page inbox, owned the thread).
/// </summary>
internal static class MessengerWebhookReader
{
    public static MessengerWebhook? Deserialize(ReadOnlySpan<byte> body)
    {
        try
        {
            var hook = JsonSerializer.Deserialize(body, MessengerJson.Default.MessengerWebhook);
            // Instagram uses the same machinery with object "instagram": not ours.
            return hook is { Object: "page", Entry: not null } ? hook : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The entries for the pages we serve; Meta routes Messenger webhooks by `entry[].id`, the page id.</summary>
    public static IEnumerable<MessengerEntry> EntriesFor(MessengerWebhook hook, IReadOnlySet<string> pageIds) =>
        (hook.Entry ?? []).Where(e => e.Id is { } id && pageIds.Contains(id));

    public static IReadOnlyList<InboundEvent> Read(MessengerWebhook hook, IReadOnlySet<string> pageIds)
    {
        var events = new List<InboundEvent>();
        foreach (var entry in EntriesFor(hook, pageIds))
            foreach (var e in (entry.Messaging ?? []).Concat(entry.Standby ?? []))
                ReadEvent(e, entry, events);
        return events;
    }

    private static void ReadEvent(MessengerEvent e, MessengerEntry entry, List<InboundEvent> events)
    {
        var page = entry.Id!;
        var at = Time(e.Timestamp, entry.Time);
        var psid = e.Sender?.Id;
        if (e.Message is { IsEcho: true } echo)
        {
            // An echo goes from the page (sender) to the patient (recipient).
            if (Echo(echo, page, at, e.Recipient?.Id) is { } copy) events.Add(copy);
            return;
        }
        if (psid is null) return;
        var sender = new InboundSender(psid, DisplayName: null, Phone: null);
        if (e.Message is { } message) events.AddRange(Messages(message, page, at, sender));
        else if (e.Postback is { } postback) events.Add(Postback(postback, page, at, sender, e.Timestamp));
        else if (e.Reaction is { Mid: not null } reaction) events.Add(Reaction(reaction, page, at, sender));
        else if (e.Delivery is { } delivery && (delivery.Watermark > 0 || delivery.Mids is { Count: > 0 }))
            events.Add(new InboundWatermark(ChannelKind.Messenger, page, at, psid, DeliveryStatus.Delivered,
                delivery.Watermark > 0 ? Time(delivery.Watermark, 0) : at, delivery.Mids ?? []));
        else if (e.Read is { Watermark: > 0 } read)
            events.Add(new InboundWatermark(ChannelKind.Messenger, page, at, psid, DeliveryStatus.Read, Time(read.Watermark, 0), []));
        // message_edit, referral, optin and the like carry nothing the inbox shows yet.
    }

    /// <summary>
    /// One message per attachment: Messenger can send several attachments under one mid, and the inbox stores one
    /// attachment per message. The first keeps the mid (replies and reactions point at it); the others get
    /// `mid#2`, `mid#3`…, stable across redeliveries so deduplication still holds.
    /// </summary>
    private static IEnumerable<InboundMessage> Messages(MessengerMessage m, string page, DateTimeOffset at, InboundSender sender)
    {
        if (m.Mid is null) yield break;
        if (m.QuickReply is { } tap)
        {
            var title = m.Text;
            yield return new InboundMessage(ChannelKind.Messenger, page, at, sender, m.Mid, MessageType.Interactive, title,
                m.ReplyTo?.Mid, Choice: new InboundChoice(tap.Payload ?? title ?? "", title));
            yield break;
        }
        var attachments = m.Attachments ?? [];
        if (attachments.Count == 0)
        {
            yield return new InboundMessage(ChannelKind.Messenger, page, at, sender, m.Mid, MessageType.Text, m.Text, m.ReplyTo?.Mid);
            yield break;
        }
        for (var i = 0; i < attachments.Count; i++)
        {
            var (type, text, media, location) = Content(attachments[i]);
            // Messenger has no captions; text sent with attachments (link shares) goes on the first one.
            if (i == 0 && !string.IsNullOrEmpty(m.Text)) text = m.Text;
            var id = i == 0 ? m.Mid : $"{m.Mid}#{(i + 1).ToString(CultureInfo.InvariantCulture)}";
            yield return new InboundMessage(ChannelKind.Messenger, page, at, sender, id, type, text,
                i == 0 ? m.ReplyTo?.Mid : null, media, location);
        }
    }

    private static (MessageType Type, string? Text, InboundMedia? Media, MessageLocation? Location) Content(MessengerAttachment a)
    {
        var url = a.Payload?.Url ?? a.Url;
        return a.Type switch
        {
            // Until August 2026 stickers arrive as images with a sticker_id.
            "image" when a.Payload?.StickerId is not null => (MessageType.Sticker, null, Media(url), null),
            "image" => (MessageType.Image, null, Media(url), null),
            "video" => (MessageType.Video, null, Media(url), null),
            "audio" => (MessageType.Audio, null, Media(url), null),
            "file" => (MessageType.Document, FileName(url), Media(url, FileName(url)), null),
            "sticker" => (MessageType.Sticker, null, Media(url), null),
            // Older clients could share a location; current ones cannot (kept so such a message is not lost).
            "location" when a.Payload?.Coordinates is { } c =>
                (MessageType.Location, a.Title ?? a.Payload.Title, null, new MessageLocation(c.Lat, c.Long, a.Title ?? a.Payload.Title)),
            // Shared links, posts and reels: what staff need is the link.
            "fallback" or "post" or "ig_post" or "reel" or "ig_reel" or "share" =>
                (MessageType.Text, Join(a.Title ?? a.Payload?.Title, url), null, null),
            _ => (MessageType.Unsupported, null, null, null),
        };
    }

    private static InboundMedia? Media(string? url, string? fileName = null) =>
        url is null ? null : new InboundMedia(url, MimeType: null, fileName, Sha256: null);

    /// <summary>The file name Messenger puts in a file attachment's CDN path (`…/lab-results.pdf?…`).</summary>
    private static string? FileName(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var last = Uri.UnescapeDataString(uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "");
        return last.Contains('.') ? last : null;
    }

    private static string? Join(string? title, string? url) =>
        string.Join(" ", new[] { title, url }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : null;

    private static InboundMessage Postback(MessengerPostback p, string page, DateTimeOffset at, InboundSender sender, long timestamp)
    {
        // Postbacks are documented with a mid; older ones and standby postbacks may lack it. Then the sender and the
        // event's millisecond timestamp identify the tap, and stay the same when Meta redelivers it.
        var id = p.Mid ?? $"postback:{sender.ExternalId}:{timestamp.ToString(CultureInfo.InvariantCulture)}";
        // Standby postbacks carry no payload: the title is all there is.
        return new InboundMessage(ChannelKind.Messenger, page, at, sender, id, MessageType.Interactive, p.Title,
            Choice: new InboundChoice(p.Payload ?? p.Title ?? "", p.Title));
    }

    private static InboundReaction Reaction(MessengerReaction r, string page, DateTimeOffset at, InboundSender sender) =>
        new(ChannelKind.Messenger, page, at, sender, r.Mid!, r.Action == "unreact" ? null : r.Emoji ?? EmojiFor(r.Reaction));

    /// <summary>Messenger names its reactions; the emoji is sent too, but not for every kind.</summary>
    private static string? EmojiFor(string? reaction) => reaction switch
    {
        "smile" => "😆",
        "angry" => "😠",
        "sad" => "😢",
        "wow" => "😮",
        "love" => "❤",
        "like" => "👍",
        _ => null,
    };

    private static InboundEcho? Echo(MessengerMessage m, string page, DateTimeOffset at, string? psid)
    {
        if (m.Mid is null || psid is null) return null;
        var (type, text) = m.Attachments is [var first, ..] ? (Content(first).Type, m.Text) : (MessageType.Text, m.Text);
        // Metadata is what the sender set: Inbox sets its own message id, so the applier recognises its own echoes.
        return new InboundEcho(ChannelKind.Messenger, page, at, psid, m.Mid, type, text,
            m.AppId?.ToString(CultureInfo.InvariantCulture), m.Metadata);
    }

    private static DateTimeOffset Time(long milliseconds, long fallback) =>
        IsTime(milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
        : IsTime(fallback) ? DateTimeOffset.FromUnixTimeMilliseconds(fallback)
        : DateTimeOffset.UtcNow;

    // Within what DateTimeOffset can hold: a garbled number must not stop the rest of the batch.
    private static bool IsTime(long milliseconds) => milliseconds is > 0 and < 253_402_300_800_000;
}
