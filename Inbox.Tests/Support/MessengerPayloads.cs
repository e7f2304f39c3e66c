using System.Text.Json;

namespace Inbox.Tests.Support;

/// <summary>Builds Messenger webhook bodies in the documented shape (`object: page`, `entry[].messaging[]`), with the values a test needs.</summary>
public static class MessengerPayloads
{
    private const string Page = InboxWebApplicationFactory.MessengerPageId;

    public static string Text(string psid, string text, string? mid = null, DateTimeOffset? at = null, string page = Page) =>
        Envelope(page, Event(psid, page, at, new { message = new { mid = mid ?? NewMid(), text } }));

    public static string Attachment(string psid, string type, string url, string? mid = null, long? stickerId = null) =>
        Envelope(Page, Event(psid, Page, null, new
        {
            message = new { mid = mid ?? NewMid(), attachments = new[] { new { type, payload = new { url, sticker_id = stickerId } } } },
        }));

    /// <summary>The patient tapped a quick reply we offered: its title as text, our payload in `quick_reply`.</summary>
    public static string QuickReply(string psid, string title, string payload, string? mid = null) =>
        Envelope(Page, Event(psid, Page, null, new { message = new { mid = mid ?? NewMid(), text = title, quick_reply = new { payload } } }));

    public static string Postback(string psid, string title, string? payload, string? mid, DateTimeOffset at) =>
        Envelope(Page, Event(psid, Page, at, new { postback = new { mid, title, payload } }));

    public static string Reaction(string psid, string targetMid, string action, string? reaction, string? emoji) =>
        Envelope(Page, Event(psid, Page, null, new { reaction = new { mid = targetMid, action, reaction, emoji } }));

    /// <summary>A copy of a message the page sent (<paramref name="metadata"/> is what the sender set).</summary>
    public static string Echo(string psid, string mid, string text, long appId, string? metadata = null) =>
        Envelope(Page, new Dictionary<string, object?>
        {
            ["sender"] = new { id = Page },
            ["recipient"] = new { id = psid },
            ["timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            ["message"] = new { is_echo = true, app_id = appId, metadata, mid, text },
        });

    public static string Delivery(string psid, DateTimeOffset watermark, params string[] mids) =>
        Envelope(Page, Event(psid, Page, null, new { delivery = new { mids, watermark = watermark.ToUnixTimeMilliseconds() } }));

    public static string Read(string psid, DateTimeOffset watermark) =>
        Envelope(Page, Event(psid, Page, null, new { read = new { watermark = watermark.ToUnixTimeMilliseconds() } }));

    /// <summary>Several patients' texts in one webhook: one entry per event, as Meta batches them.</summary>
    public static string Batch(params (string Psid, string Text)[] messages) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = messages.Select(m => new { id = Page, time = Now(), messaging = new[] { Event(m.Psid, Page, null, new { message = new { mid = NewMid(), text = m.Text } }) } }).ToArray(),
    }, Json);

    public static string NewMid() => "m_" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N");

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private static Dictionary<string, object?> Event(string psid, string page, DateTimeOffset? at, object body)
    {
        var e = new Dictionary<string, object?>
        {
            ["sender"] = new { id = psid },
            ["recipient"] = new { id = page },
            ["timestamp"] = (at ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds(),
        };
        foreach (var p in JsonSerializer.SerializeToElement(body, Json).EnumerateObject()) e[p.Name] = p.Value;
        return e;
    }

    private static string Envelope(string page, Dictionary<string, object?> messagingEvent) => JsonSerializer.Serialize(new
    {
        @object = "page",
        entry = new[] { new { id = page, time = Now(), messaging = new[] { messagingEvent } } },
    }, Json);
}
