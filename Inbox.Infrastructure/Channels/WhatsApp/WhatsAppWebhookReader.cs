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

    private static InboundEvent? ReadMessage(WhatsAppMessage m, List<WhatsAppContact>? contacts, string account)
    {
        // Since 2026 users are keyed on the business-scoped user id (BSUID); a username user may come without a phone.
        var externalId = m.FromUserId ?? m.From;
        if (m.Id is null || externalId is null) return null;
        var contact = contacts?.FirstOrDefault(c => (c.UserId is not null && c.UserId == m.FromUserId) || (c.WaId is not null && c.WaId == m.From))
                      ?? (contacts?.Count == 1 ? contacts[0] : null);
        var sender = new InboundSender(externalId, contact?.Profile?.Name, m.From ?? contact?.WaId, contact?.Profile?.Username);
        var at = Time(m.Timestamp);

        // A reaction belongs on the message it reacts to; it is not a message of its own.
        if (m.Type == "reaction" && m.Reaction?.MessageId is { } target)
            return new InboundReaction(ChannelKind.WhatsApp, account, at, sender, target, string.IsNullOrEmpty(m.Reaction.Emoji) ? null : m.Reaction.Emoji);

        var message = new InboundMessage(ChannelKind.WhatsApp, account, at, sender, m.Id, MessageType.Unsupported, null, m.Context?.Id);
        return m.Type switch
        {
            "text" when m.Text is not null => message with { Type = MessageType.Text, Text = m.Text.Body },
            "image" when m.Image?.Id is not null => WithMedia(message, MessageType.Image, m.Image, m.Image.Caption),
            "document" when m.Document?.Id is not null => WithMedia(message, MessageType.Document, m.Document, m.Document.Caption ?? m.Document.Filename),
            "audio" when m.Audio?.Id is not null => WithMedia(message, MessageType.Audio, m.Audio, null),
            "video" when m.Video?.Id is not null => WithMedia(message, MessageType.Video, m.Video, m.Video.Caption),
            "sticker" when m.Sticker?.Id is not null => WithMedia(message, MessageType.Sticker, m.Sticker, null),
            "location" when m.Location is { } l => message with
            {
                Type = MessageType.Location,
                Location = new MessageLocation(l.Latitude, l.Longitude, Blank(l.Name), Blank(l.Address)),
                // The preview line: the place's name and address when the patient picked a place; a bare pin has neither.
                Text = JoinNonEmpty(" · ", l.Name, l.Address),
            },
            "contacts" when m.Contacts is { Count: > 0 } cards => Contacts(message, cards),
            "interactive" when (m.Interactive?.ButtonReply ?? m.Interactive?.ListReply) is { Id: not null } reply => message with
            {
                Type = MessageType.Interactive,
                Text = reply.Title,
                Choice = new InboundChoice(reply.Id!, reply.Title),
            },
            // A tap on a template's quick-reply button: the payload is what we set when sending the template.
            "button" when m.Button is { } button && (button.Payload ?? button.Text) is { } id => message with
            {
                Type = MessageType.Interactive,
                Text = button.Text,
                Choice = new InboundChoice(id, button.Text),
            },
            _ => Unsupported(message, m.Errors?.FirstOrDefault()),
        };
    }

    private static InboundMessage WithMedia(InboundMessage message, MessageType type, WhatsAppMedia media, string? text) => message with
    {
        Type = type,
        Text = Blank(text),
        Media = new InboundMedia(media.Id!, media.MimeType, Blank(media.Filename), Blank(media.Sha256), Blank(media.Caption), media.Voice == true),
    };

    private static InboundMessage Contacts(InboundMessage message, List<WhatsAppSharedContact> cards)
    {
        var shared = cards.Select(c => new SharedContact(
                Blank(c.Name?.FormattedName) ?? JoinNonEmpty(" ", c.Name?.FirstName, c.Name?.LastName) ?? "Contact",
                (c.Phones ?? []).Select(p => p.Phone ?? (p.WaId is null ? null : "+" + p.WaId)).OfType<string>().ToList()))
            .ToList();
        return message with { Type = MessageType.Contacts, Contacts = shared, Text = string.Join(", ", shared.Select(c => c.Name)) };
    }

    // Unsupported types (polls, view-once media, files over 100 MB) come as type "unsupported" with errors[].
    private static InboundMessage Unsupported(InboundMessage message, WhatsAppError? error) => message with
    {
        Type = MessageType.Unsupported,
        Text = WhatsAppErrors.DescribeInbound(error?.Code, error?.ErrorData?.Details ?? error?.Title),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string? JoinNonEmpty(string separator, params string?[] parts) =>
        Blank(string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p))));

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
