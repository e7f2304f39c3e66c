using Inbox.Core.Conversations;

namespace Inbox.Core.Channels;

/// <summary>A message to send, normalized: the adapter turns it into the platform's request.</summary>
/// <param name="MessageId">Our message id; adapters pass it where the platform echoes it back (idempotency, status correlation).</param>
/// <param name="Recipient">The patient's identity on this channel account.</param>
/// <param name="Choices">Native buttons / quick replies; an adapter whose platform cannot show them appends a numbered menu to the text.</param>
/// <param name="Media">An attachment the platform fetches from a URL.</param>
/// <param name="Template">WhatsApp: an approved template, the only thing allowed outside the 24-hour window.</param>
/// <param name="ReplyToken">LINE: an unused reply token of the patient's last event; the adapter replies with it (free) and pushes when it has expired.</param>
/// <param name="HumanAgentTag">Messenger: a human's reply after the 24-hour window (allowed up to 7 days with the HUMAN_AGENT tag).</param>
public sealed record OutboundMessage(
    Guid MessageId,
    string AccountId,
    OutboundRecipient Recipient,
    string Text,
    IReadOnlyList<MessageChoice>? Choices = null,
    OutboundMedia? Media = null,
    OutboundTemplate? Template = null,
    string? ReplyToken = null,
    bool HumanAgentTag = false);

/// <summary>Where to send: the platform's user id, and the phone where the platform needs one.</summary>
public sealed record OutboundRecipient(string ExternalId, string? Phone);

/// <summary>A file the platform downloads from <paramref name="Url"/> (HTTPS, publicly reachable).</summary>
public sealed record OutboundMedia(MessageType Type, string Url, string MimeType, string? FileName = null);

/// <summary>An approved WhatsApp message template with its body parameters, in order.</summary>
public sealed record OutboundTemplate(string Name, string Language, IReadOnlyList<string> Parameters);
