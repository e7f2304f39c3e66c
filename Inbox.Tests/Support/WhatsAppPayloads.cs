using System.Text.Json;

namespace Inbox.Tests.Support;

/// <summary>Builds Cloud API webhook bodies in the documented shape, with the values a test needs.</summary>
public static class WhatsAppPayloads
{
    public static string Text(string waId, string name, string body, string? wamid = null, DateTimeOffset? at = null, string phoneNumberId = InboxWebApplicationFactory.WhatsAppPhoneNumberId) =>
        Envelope(phoneNumberId, new
        {
            contacts = new[] { new { profile = new { name }, wa_id = waId } },
            messages = new[] { new { from = waId, id = wamid ?? NewWamid(), timestamp = Unix(at), type = "text", text = new { body } } },
        });

    /// <summary>An image, document, audio, video or sticker message referencing <paramref name="mediaId"/>, as the Cloud API sends it.</summary>
    public static string Media(string waId, string type, string mediaId, string mimeType, string? sha256 = null, string? caption = null,
        string? filename = null, bool? voice = null, string? wamid = null, string phoneNumberId = InboxWebApplicationFactory.WhatsAppPhoneNumberId)
    {
        var media = new Dictionary<string, object> { ["id"] = mediaId, ["mime_type"] = mimeType };
        if (sha256 is not null) media["sha256"] = sha256;
        if (caption is not null) media["caption"] = caption;
        if (filename is not null) media["filename"] = filename;
        if (voice is not null) media["voice"] = voice;
        var message = new Dictionary<string, object> { ["from"] = waId, ["id"] = wamid ?? NewWamid(), ["timestamp"] = Unix(null), ["type"] = type, [type] = media };
        return Envelope(phoneNumberId, new
        {
            contacts = new[] { new { profile = new { name = "Patient " + waId }, wa_id = waId } },
            messages = new[] { message },
        });
    }

    /// <summary>Several patients' messages in one webhook, as Meta batches them.</summary>
    public static string Batch(params (string WaId, string Name, string Body)[] messages) =>
        Envelope(InboxWebApplicationFactory.WhatsAppPhoneNumberId, new
        {
            contacts = messages.Select(m => new { profile = new { name = m.Name }, wa_id = m.WaId }).ToArray(),
            messages = messages.Select(m => new { from = m.WaId, id = NewWamid(), timestamp = Unix(null), type = "text", text = new { body = m.Body } }).ToArray(),
        });

    public static string Status(string wamid, string status, string recipient, DateTimeOffset? at = null, int? errorCode = null) =>
        Envelope(InboxWebApplicationFactory.WhatsAppPhoneNumberId, new
        {
            statuses = new[]
            {
                new
                {
                    id = wamid, status, timestamp = Unix(at), recipient_id = recipient,
                    errors = errorCode is { } code ? new[] { new { code, title = "Error" } } : null,
                },
            },
        });

    public static string NewWamid() => "wamid." + Convert.ToBase64String(Guid.NewGuid().ToByteArray());

    /// <summary>The patient tapped a reply button (or a list row with <paramref name="list"/>) we offered.</summary>
    public static string ChoiceReply(string waId, string name, string id, string title, bool list = false, string? wamid = null) =>
        Envelope(InboxWebApplicationFactory.WhatsAppPhoneNumberId, new
        {
            contacts = new[] { new { profile = new { name }, wa_id = waId } },
            messages = new[]
            {
                new Dictionary<string, object>
                {
                    ["from"] = waId, ["id"] = wamid ?? NewWamid(), ["timestamp"] = Unix(null), ["type"] = "interactive",
                    ["interactive"] = list
                        ? new Dictionary<string, object> { ["type"] = "list_reply", ["list_reply"] = new { id, title } }
                        : new Dictionary<string, object> { ["type"] = "button_reply", ["button_reply"] = new { id, title } },
                },
            },
        });

    private static string Unix(DateTimeOffset? at) => (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString();

    private static string Envelope(string phoneNumberId, object value)
    {
        var json = JsonSerializer.SerializeToElement(value);
        var merged = new Dictionary<string, object?> { ["messaging_product"] = "whatsapp", ["metadata"] = new { display_phone_number = "15550101234", phone_number_id = phoneNumberId } };
        foreach (var p in json.EnumerateObject()) merged[p.Name] = p.Value;
        return JsonSerializer.Serialize(new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "104982735612490", changes = new[] { new { field = "messages", value = merged } } } },
        });
    }
}
