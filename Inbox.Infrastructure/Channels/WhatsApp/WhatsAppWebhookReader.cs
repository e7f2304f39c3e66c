using System.Globalization;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.WhatsApp.Payloads;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>Reads Cloud API webhook bodies into normalized events: every message and status of every change in a batch.</summary>
internal static class WhatsAppWebhookReader
{
    public static WhatsAppWebhook? Deserialize(ReadOnlySpan<byte> body)
    {
        try
        {
            var hook = JsonSerializer.Deserialize(body, WhatsAppJson.Default.WhatsAppWebhook);
            return hook is { Object: "whatsapp_business_account", Entry: not null } ? hook : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The changes addressed to the numbers we serve; Meta routes by `metadata.phone_number_id`, not by `entry.id`.</summary>
    public static IEnumerable<WhatsAppValue> ValuesFor(WhatsAppWebhook hook, IReadOnlySet<string> phoneNumberIds) =>
        from entry in hook.Entry ?? []
        from change in entry.Changes ?? []
        where change.Field == "messages" && change.Value?.Metadata?.PhoneNumberId is { } id && phoneNumberIds.Contains(id)
        select change.Value!;

    public static IReadOnlyList<InboundEvent> Read(WhatsAppWebhook hook, IReadOnlySet<string> phoneNumberIds)
    {
        var events = new List<InboundEvent>();
        foreach (var value in ValuesFor(hook, phoneNumberIds))
        {
            var phoneNumberId = value.Metadata!.PhoneNumberId!;
            foreach (var message in value.Messages ?? [])
            {
                if (ReadMessage(message, value.Contacts, phoneNumberId) is { } inbound) events.Add(inbound);
            }
            foreach (var status in value.Statuses ?? [])
            {
                if (ReadStatus(status, phoneNumberId) is { } receipt) events.Add(receipt);
            }
        }
        return events;
    }

    private static InboundMessage? ReadMessage(WhatsAppMessage m, List<WhatsAppContact>? contacts, string account)
    {
        // Since 2026 users are keyed on the business-scoped user id (BSUID); a username user may come without a phone.
        var externalId = m.FromUserId ?? m.From;
        if (m.Id is null || externalId is null) return null;
        var contact = contacts?.FirstOrDefault(c => (c.UserId is not null && c.UserId == m.FromUserId) || (c.WaId is not null && c.WaId == m.From))
                      ?? (contacts?.Count == 1 ? contacts[0] : null);
        var sender = new InboundSender(externalId, contact?.Profile?.Name, m.From ?? contact?.WaId, contact?.Profile?.Username);
        var (type, text, media) = Content(m);
        return new InboundMessage(ChannelKind.WhatsApp, account, Time(m.Timestamp), sender, m.Id, type, text, m.Context?.Id, media);
    }

    private static (MessageType Type, string? Text, InboundMedia? Media) Content(WhatsAppMessage m) => m.Type switch
    {
        "text" => (MessageType.Text, m.Text?.Body, null),
        "image" => (MessageType.Image, m.Image?.Caption, Media(m.Image)),
        "document" => (MessageType.Document, m.Document?.Caption ?? m.Document?.Filename, Media(m.Document)),
        "audio" => (MessageType.Audio, null, Media(m.Audio)),
        "video" => (MessageType.Video, m.Video?.Caption, Media(m.Video)),
        "sticker" => (MessageType.Sticker, null, Media(m.Sticker)),
        "location" => (MessageType.Location, LocationText(m.Location), null),
        "interactive" => (MessageType.Interactive, m.Interactive?.ButtonReply?.Title ?? m.Interactive?.ListReply?.Title, null),
        "button" => (MessageType.Interactive, m.Button?.Text, null),
        "contacts" => (MessageType.Contacts, null, null),
        "reaction" => (MessageType.Reaction, m.Reaction?.Emoji, null),
        _ => (MessageType.Unsupported, null, null),
    };

    private static InboundMedia? Media(WhatsAppMedia? media) =>
        media?.Id is null ? null : new InboundMedia(media.Id, media.MimeType, media.Filename, media.Sha256);

    private static string? LocationText(WhatsAppLocation? l) => l is null
        ? null
        : string.Join(" · ", new[] { l.Name, l.Address, $"{l.Latitude.ToString(CultureInfo.InvariantCulture)},{l.Longitude.ToString(CultureInfo.InvariantCulture)}" }.Where(s => !string.IsNullOrEmpty(s)));

    private static InboundStatus? ReadStatus(WhatsAppStatus s, string account)
    {
        if (s.Id is null) return null;
        DeliveryStatus? status = s.Status switch
        {
            "sent" => DeliveryStatus.Sent,
            "delivered" => DeliveryStatus.Delivered,
            "read" or "played" => DeliveryStatus.Read,
            "failed" => DeliveryStatus.Failed,
            _ => null,
        };
        if (status is null) return null;
        var error = s.Errors?.FirstOrDefault();
        return new InboundStatus(ChannelKind.WhatsApp, account, Time(s.Timestamp), s.Id, status.Value,
            error?.Code.ToString(CultureInfo.InvariantCulture), error is null ? null : WhatsAppErrors.Describe(error.Code, error.Title ?? error.Message));
    }

    private static DateTimeOffset Time(string? unixSeconds) =>
        long.TryParse(unixSeconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : DateTimeOffset.UtcNow;
}
