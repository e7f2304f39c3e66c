using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Line.Payloads;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>Turns a normalized outbound message into LINE message objects, enforcing LINE's documented limits.</summary>
internal static class LineRequests
{
    public const int TextLimit = 5000;
    public const int MaxQuickReplies = 13;
    public const int LabelLimit = 20;
    public const int PostbackDataLimit = 300;

    /// <summary>The message objects to send, or why LINE cannot take this message (a Permanent result).</summary>
    public static (List<LineMessageObject>? Messages, SendResult? Refusal) Build(OutboundMessage message)
    {
        if (message.Template is not null)
            return Refused("template", "LINE has no message templates and no reply window: send a normal message instead.");
        if (message.Text.Length > TextLimit)
            return Refused("text_too_long", $"LINE allows at most {TextLimit:N0} characters in one message; this one has {message.Text.Length:N0}. Shorten it or split it.");
        var choices = message.Choices ?? [];
        if (choices.Count > MaxQuickReplies)
            return Refused("too_many_choices", $"LINE shows at most {MaxQuickReplies} quick replies; this message offers {choices.Count}.");
        if (choices.FirstOrDefault(c => c.Id.Length is 0 or > PostbackDataLimit) is { } bad)
            return Refused("choice_id", $"A quick reply's id must be 1 to {PostbackDataLimit} characters ('{Clip(bad.Title, LabelLimit)}').");

        var messages = new List<LineMessageObject>(2);
        if (message.Media is { } media) messages.Add(Media(media));
        if (!string.IsNullOrWhiteSpace(message.Text)) messages.Add(new LineMessageObject("text") { Text = message.Text });
        if (messages.Count == 0) return Refused("empty", "There is nothing to send.");
        // LINE shows quick replies only under the last message of a request.
        if (choices.Count > 0) messages[^1] = messages[^1] with { QuickReply = QuickReply(choices) };
        return (messages, null);
    }

    public static LineReplyRequest Reply(string replyToken, List<LineMessageObject> messages) => new(replyToken, messages);

    public static LinePushRequest Push(OutboundMessage message, List<LineMessageObject> messages) => new(message.Recipient.ExternalId, messages);

    /// <summary>
    /// Images go natively (LINE shows the same URL as the preview). A bot's video message needs a separate preview
    /// image and an audio message its length, neither of which an attachment carries, and bots cannot send files:
    /// those go as a link LINE previews.
    /// </summary>
    private static LineMessageObject Media(OutboundMedia media) => media.Type switch
    {
        MessageType.Image => new LineMessageObject("image") { OriginalContentUrl = media.Url, PreviewImageUrl = media.Url },
        _ => new LineMessageObject("text") { Text = $"{media.FileName ?? Describe(media.Type)}: {media.Url}" },
    };

    private static string Describe(MessageType type) => type switch
    {
        MessageType.Video => "Video",
        MessageType.Audio => "Audio",
        _ => "File",
    };

    /// <summary>Postback actions: the tap comes back as a postback event with our id, and the chat shows the full title.</summary>
    private static LineQuickReply QuickReply(IReadOnlyList<MessageChoice> choices) =>
        new(choices.Select(c => new LineQuickReplyItem(new LineAction("postback", Clip(c.Title, LabelLimit), c.Id, Clip(c.Title, PostbackDataLimit)))).ToList());

    /// <summary>Cuts to <paramref name="limit"/> UTF-16 characters without splitting a surrogate pair, marking the cut with an ellipsis.</summary>
    internal static string Clip(string text, int limit)
    {
        if (text.Length <= limit) return text;
        var cut = limit - 1;
        if (char.IsHighSurrogate(text[cut - 1])) cut--;
        return text[..cut] + "…";
    }

    private static (List<LineMessageObject>?, SendResult?) Refused(string code, string reason) => (null, SendResult.Permanent(code, reason));
}
