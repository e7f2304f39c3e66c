namespace Inbox.Core.Channels;

/// <summary>A message to send, normalized: the adapter turns it into the platform's request.</summary>
/// <param name="MessageId">Our message id; adapters pass it where the platform echoes it back (idempotency, status correlation).</param>
/// <param name="Recipient">The patient's identity on this channel account.</param>
public sealed record OutboundMessage(
    Guid MessageId,
    string AccountId,
    OutboundRecipient Recipient,
    string Text);

/// <summary>Where to send: the platform's user id, and the phone where the platform needs one.</summary>
public sealed record OutboundRecipient(string ExternalId, string? Phone);
