using System.Text.Json.Serialization;
using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>Send API request bodies, in the documented shape.</summary>
internal static class WhatsAppRequests
{
    public static TextRequest Text(OutboundMessage message)
    {
        // `to` with a leading + so Meta never prepends the business number's country code;
        // a username-only user is reached by BSUID through `recipient`.
        var to = message.Recipient.Phone is { Length: > 0 } phone ? "+" + phone.TrimStart('+') : null;
        return new TextRequest(to, to is null ? message.Recipient.ExternalId : null, new TextBody(false, message.Text), message.MessageId.ToString());
    }

    internal sealed record TextRequest(
        [property: JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? To,
        [property: JsonPropertyName("recipient"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recipient,
        [property: JsonPropertyName("text")] TextBody Text,
        [property: JsonPropertyName("biz_opaque_callback_data")] string CallbackData)
    {
        [JsonPropertyName("messaging_product")] public string MessagingProduct => "whatsapp";
        [JsonPropertyName("recipient_type")] public string RecipientType => "individual";
        [JsonPropertyName("type")] public string Type => "text";
    }

    internal sealed record TextBody(
        [property: JsonPropertyName("preview_url")] bool PreviewUrl,
        [property: JsonPropertyName("body")] string Body);
}
