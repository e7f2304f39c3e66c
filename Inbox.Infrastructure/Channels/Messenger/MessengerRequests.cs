using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Messenger.Payloads;

namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>Send API request bodies, in the documented shape, or the reason a message cannot go out on Messenger.</summary>
internal static class MessengerRequests
{
    public const int MaxQuickReplies = 13;
    public const int QuickReplyTitleLimit = 20;
    public const int QuickReplyPayloadLimit = 1000;

    /// <summary>
    /// The requests that carry <paramref name="message"/>, in order. A Messenger message holds either text or one
    /// attachment, so a file with text goes as two: the attachment, then the text (with the quick replies, which
    /// Messenger shows under the last message). Null with a refusal when Messenger cannot carry the message at all.
    /// </summary>
    public static IReadOnlyList<MessengerSendRequest>? Build(OutboundMessage message, out SendResult? refusal)
    {
        refusal = Refuse(message);
        if (refusal is not null) return null;

        var (type, tag) = message.HumanAgentTag ? ("MESSAGE_TAG", "HUMAN_AGENT") : ("RESPONSE", (string?)null);
        var recipient = new MessengerRecipient(message.Recipient.ExternalId);
        var metadata = message.MessageId.ToString();
        var quickReplies = QuickReplies(message.Choices);
        var hasText = !string.IsNullOrWhiteSpace(message.Text);

        var requests = new List<MessengerSendRequest>(2);
        if (message.Media is { } media)
        {
            var attachment = new MessengerOutgoingAttachment(AttachmentType(media.Type), new MessengerUrlPayload(media.Url));
            requests.Add(new MessengerSendRequest(recipient, type, tag, new MessengerOutgoingMessage(null, attachment, hasText ? null : quickReplies, metadata)));
        }
        if (hasText)
            requests.Add(new MessengerSendRequest(recipient, type, tag, new MessengerOutgoingMessage(message.Text, null, quickReplies, metadata)));
        return requests;
    }

    private static SendResult? Refuse(OutboundMessage message)
    {
        if (message.Template is not null)
            return SendResult.Permanent("template", "Message templates are WhatsApp-only: not supported on Messenger. Send a text reply instead.");
        var limit = ChannelCapabilities.Messenger.TextLimit;
        if (message.Text.Length > limit)
            return SendResult.Permanent("text-too-long", $"Messenger allows at most {limit:N0} characters; this message has {message.Text.Length:N0}.");
        if (string.IsNullOrWhiteSpace(message.Text) && message.Media is null)
            return SendResult.Permanent("empty", "The message has neither text nor an attachment.");
        if (message.Media is { } media && !IsWebAddress(media.Url))
            return SendResult.Permanent("media-url", "Messenger fetches attachments from a public http(s) address; this attachment has none.");
        if (message.Choices is { Count: > MaxQuickReplies } choices)
            return SendResult.Permanent("too-many-choices", $"Messenger shows at most {MaxQuickReplies} quick replies; this message has {choices.Count}.");
        if (message.Choices?.FirstOrDefault(c => c.Id.Length > QuickReplyPayloadLimit) is not null)
            return SendResult.Permanent("choice-too-long", $"A quick reply's payload may hold at most {QuickReplyPayloadLimit:N0} characters.");
        return null;
    }

    private static List<MessengerQuickReply>? QuickReplies(IReadOnlyList<MessageChoice>? choices) =>
        choices is not { Count: > 0 }
            ? null
            : choices.Select(c => new MessengerQuickReply("text", Title(c.Title), string.IsNullOrEmpty(c.Id) ? Title(c.Title) : c.Id)).ToList();

    /// <summary>Messenger cuts titles after 20 characters; cutting them ourselves shows staff what the patient sees.</summary>
    private static string Title(string title)
    {
        if (title.Length <= QuickReplyTitleLimit) return title;
        var cut = QuickReplyTitleLimit - 1;
        if (char.IsHighSurrogate(title[cut - 1])) cut--; // never split an emoji
        return title[..cut] + "…";
    }

    private static string AttachmentType(MessageType type) => type switch
    {
        MessageType.Image or MessageType.Sticker => "image",
        MessageType.Video => "video",
        MessageType.Audio => "audio",
        _ => "file",
    };

    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
