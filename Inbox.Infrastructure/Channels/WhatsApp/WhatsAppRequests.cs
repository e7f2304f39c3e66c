using System.Text;
using System.Text.Json.Serialization;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>
/// Send API request bodies, in the documented shape: text, reply buttons, lists, media by link and templates.
/// The platform's limits for buttons and lists are enforced here, where the choice of shape is made.
/// </summary>
internal static class WhatsAppRequests
{
    // Reply buttons: at most 3, title ≤ 20 and unique, id ≤ 256, body ≤ 1 024.
    public const int MaxButtons = 3;
    public const int ButtonTitleMax = 20;
    public const int ButtonIdMax = 256;
    public const int ButtonBodyMax = 1024;
    // Lists: at most 10 rows in all, row title ≤ 24, row id ≤ 200, body ≤ 4 096, button label ≤ 20.
    public const int MaxListRows = 10;
    public const int RowTitleMax = 24;
    public const int RowIdMax = 200;
    public const int ListBodyMax = 4096;
    public const string ListButtonLabel = "Choose";
    // Interactive messages need a body; a menu sent without words still says what it is.
    public const string DefaultPrompt = "Please choose an option.";

    /// <summary>Why the message cannot be sent on WhatsApp at all, or null when it can.</summary>
    public static string? Problem(OutboundMessage message) =>
        message is { Template: null, Media.Type: MessageType.Audio or MessageType.Sticker } && (!string.IsNullOrWhiteSpace(message.Text) || message.Choices is { Count: > 0 })
            ? "WhatsApp cannot send text with an audio file or a sticker: send the text as its own message."
            : null;

    public static SendRequest For(OutboundMessage message)
    {
        // `to` with a leading + so Meta never prepends the business number's country code;
        // a username-only user is reached by BSUID through `recipient`.
        var to = message.Recipient.Phone is { Length: > 0 } phone ? "+" + phone.TrimStart('+') : null;
        var request = new SendRequest(to, to is null ? message.Recipient.ExternalId : null, "text", message.MessageId.ToString());
        var choices = message.Choices ?? [];

        if (message.Template is { } template) return request with { Type = "template", Template = Template(template) };
        if (message.Media is { } media) return Media(request, media, choices.Count == 0 ? message.Text : WithNumberedMenu(message.Text, choices));
        if (choices.Count == 0) return request with { Text = new TextBody(false, message.Text) };

        var prompt = string.IsNullOrWhiteSpace(message.Text) ? DefaultPrompt : message.Text;
        if (FitsButtons(prompt, choices))
            return request with { Type = "interactive", Interactive = new Interactive("button", new InteractiveText(prompt),
                new InteractiveAction(choices.Select(c => new ButtonItem(new ButtonReply(c.Id, c.Title))).ToList(), null, null)) };
        if (FitsList(prompt, choices))
            return request with { Type = "interactive", Interactive = new Interactive("list", new InteractiveText(prompt),
                new InteractiveAction(null, ListButtonLabel, [new ListSection(null, choices.Select(c => new ListRow(c.Id, c.Title)).ToList())])) };
        // Over the platform's limits: the choices as a numbered menu the patient answers by number.
        return request with { Text = new TextBody(false, WithNumberedMenu(message.Text, choices)) };
    }

    public static bool FitsButtons(string prompt, IReadOnlyList<MessageChoice> choices) =>
        choices.Count <= MaxButtons && prompt.Length <= ButtonBodyMax
        && choices.All(c => c.Title.Length is > 0 and <= ButtonTitleMax && c.Id.Length is > 0 and <= ButtonIdMax)
        && Distinct(choices);

    public static bool FitsList(string prompt, IReadOnlyList<MessageChoice> choices) =>
        choices.Count <= MaxListRows && prompt.Length <= ListBodyMax
        && choices.All(c => c.Title.Length is > 0 and <= RowTitleMax && c.Id.Length is > 0 and <= RowIdMax)
        && Distinct(choices);

    private static bool Distinct(IReadOnlyList<MessageChoice> choices) =>
        choices.Select(c => c.Id).Distinct(StringComparer.Ordinal).Count() == choices.Count
        && choices.Select(c => c.Title).Distinct(StringComparer.Ordinal).Count() == choices.Count;

    public static string WithNumberedMenu(string text, IReadOnlyList<MessageChoice> choices)
    {
        var menu = new StringBuilder(text.TrimEnd());
        if (menu.Length > 0) menu.Append("\n\n");
        for (var i = 0; i < choices.Count; i++) menu.Append(i + 1).Append(". ").Append(choices[i].Title).Append('\n');
        menu.Append("Reply with the number of your choice.");
        return menu.ToString();
    }

    private static SendRequest Media(SendRequest request, OutboundMedia media, string text)
    {
        var caption = string.IsNullOrWhiteSpace(text) ? null : text;
        return media.Type switch
        {
            MessageType.Image => request with { Type = "image", Image = new MediaLink(media.Url, caption, null) },
            MessageType.Video => request with { Type = "video", Video = new MediaLink(media.Url, caption, null) },
            MessageType.Audio => request with { Type = "audio", Audio = new MediaLink(media.Url, null, null) },
            MessageType.Sticker => request with { Type = "sticker", Sticker = new MediaLink(media.Url, null, null) },
            // Anything else goes as a document, which WhatsApp accepts in any allowed type and shows with its name.
            _ => request with { Type = "document", Document = new MediaLink(media.Url, caption, media.FileName) },
        };
    }

    private static TemplateBody Template(OutboundTemplate template) => new(
        template.Name,
        new TemplateLanguage(template.Language),
        template.Parameters.Count == 0 ? null : [new TemplateComponent("body", template.Parameters.Select(p => new TemplateParameter("text", p)).ToList())]);

    internal sealed record SendRequest(
        [property: JsonPropertyName("to"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? To,
        [property: JsonPropertyName("recipient"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Recipient,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("biz_opaque_callback_data")] string CallbackData)
    {
        [JsonPropertyName("messaging_product")] public string MessagingProduct => "whatsapp";
        [JsonPropertyName("recipient_type")] public string RecipientType => "individual";
        [JsonPropertyName("text"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TextBody? Text { get; init; }
        [JsonPropertyName("interactive"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Interactive? Interactive { get; init; }
        [JsonPropertyName("image"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MediaLink? Image { get; init; }
        [JsonPropertyName("document"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MediaLink? Document { get; init; }
        [JsonPropertyName("audio"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MediaLink? Audio { get; init; }
        [JsonPropertyName("video"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MediaLink? Video { get; init; }
        [JsonPropertyName("sticker"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public MediaLink? Sticker { get; init; }
        [JsonPropertyName("template"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TemplateBody? Template { get; init; }
    }

    internal sealed record TextBody(
        [property: JsonPropertyName("preview_url")] bool PreviewUrl,
        [property: JsonPropertyName("body")] string Body);

    internal sealed record Interactive(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("body")] InteractiveText Body,
        [property: JsonPropertyName("action")] InteractiveAction Action);

    internal sealed record InteractiveText([property: JsonPropertyName("text")] string Text);

    internal sealed record InteractiveAction(
        [property: JsonPropertyName("buttons"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<ButtonItem>? Buttons,
        [property: JsonPropertyName("button"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Button,
        [property: JsonPropertyName("sections"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<ListSection>? Sections);

    internal sealed record ButtonItem([property: JsonPropertyName("reply")] ButtonReply Reply)
    {
        [JsonPropertyName("type")] public string Type => "reply";
    }

    internal sealed record ButtonReply(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title);

    internal sealed record ListSection(
        [property: JsonPropertyName("title"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Title,
        [property: JsonPropertyName("rows")] List<ListRow> Rows);

    internal sealed record ListRow(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("title")] string Title);

    internal sealed record MediaLink(
        [property: JsonPropertyName("link")] string Link,
        [property: JsonPropertyName("caption"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Caption,
        [property: JsonPropertyName("filename"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Filename);

    internal sealed record TemplateBody(
        [property: JsonPropertyName("name")] string Name,
        [property: JsonPropertyName("language")] TemplateLanguage Language,
        [property: JsonPropertyName("components"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<TemplateComponent>? Components);

    internal sealed record TemplateLanguage([property: JsonPropertyName("code")] string Code);

    internal sealed record TemplateComponent(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("parameters")] List<TemplateParameter> Parameters);

    internal sealed record TemplateParameter(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("text")] string Text);
}
