namespace Inbox.Infrastructure.Channels.Messenger.Payloads;

// The Messenger Platform webhook envelope, as documented: object "page", entry[] per page with messaging[]
// (or standby[] when another app owns the thread), each event with sender, recipient, timestamp (ms) and one
// event key. Only the fields Inbox uses are declared; unknown event keys are ignored.

internal sealed record MessengerWebhook(string? Object, List<MessengerEntry>? Entry);

/// <param name="Id">The page id: Inbox routes by it.</param>
internal sealed record MessengerEntry(string? Id, long Time, List<MessengerEvent>? Messaging, List<MessengerEvent>? Standby);

internal sealed record MessengerEvent(
    MessengerParty? Sender,
    MessengerParty? Recipient,
    long Timestamp,
    MessengerMessage? Message,
    MessengerPostback? Postback,
    MessengerDelivery? Delivery,
    MessengerRead? Read,
    MessengerReaction? Reaction);

internal sealed record MessengerParty(string? Id);

/// <param name="AppId">Echoes only: the app that sent the page's message (ours, the Page inbox, another tool).</param>
/// <param name="Metadata">Echoes only: the `metadata` the sender set; Inbox sets its own message id.</param>
internal sealed record MessengerMessage(
    string? Mid,
    string? Text,
    bool IsEcho,
    long? AppId,
    string? Metadata,
    MessengerQuickReplyTap? QuickReply,
    MessengerReplyTo? ReplyTo,
    List<MessengerAttachment>? Attachments);

internal sealed record MessengerQuickReplyTap(string? Payload);

internal sealed record MessengerReplyTo(string? Mid);

/// <param name="Title">Link shares (`fallback`) carry a title and URL beside the payload.</param>
internal sealed record MessengerAttachment(string? Type, MessengerAttachmentPayload? Payload, string? Title, string? Url);

/// <param name="Coordinates">Legacy `location` attachments of older clients.</param>
internal sealed record MessengerAttachmentPayload(string? Url, long? StickerId, string? Title, MessengerCoordinates? Coordinates);

internal sealed record MessengerCoordinates(double Lat, double Long);

/// <param name="Mid">Documented on current postbacks; older ones and standby postbacks may come without it.</param>
internal sealed record MessengerPostback(string? Mid, string? Title, string? Payload);

internal sealed record MessengerDelivery(List<string>? Mids, long Watermark);

internal sealed record MessengerRead(long Watermark);

/// <param name="Reaction">The reaction's name (`love`, `smile`…); <paramref name="Emoji"/> the character.</param>
/// <param name="Action">`react` or `unreact`.</param>
internal sealed record MessengerReaction(string? Mid, string? Action, string? Reaction, string? Emoji);
