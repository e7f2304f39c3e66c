namespace Inbox.Core.Channels;

/// <summary>
/// The one interface the rest of Inbox talks to for a messaging platform: it checks the platform's
/// signature, reads its webhooks into normalized events and sends normalized messages out.
/// Each platform has one implementation under Inbox.Infrastructure/Channels/&lt;Channel&gt;/.
/// </summary>
public interface IChannelAdapter
{
    ChannelKind Channel { get; }

    ChannelCapabilities Capabilities { get; }

    /// <summary>The HTTP header that carries the platform's signature.</summary>
    string SignatureHeader { get; }

    /// <summary>Checks the signature over the raw bytes exactly as received, in constant time.</summary>
    bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature);

    /// <summary>Answers the platform's subscription handshake; null when the token is wrong or the platform has none.</summary>
    string? AnswerHandshake(string? mode, string? verifyToken, string? challenge);

    /// <summary>Cheap look at a signed body before it is stored: is it the platform's envelope, for an account we serve?</summary>
    WebhookInspection Inspect(ReadOnlySpan<byte> body);

    /// <summary>Every event in a stored webhook body, in the order the platform listed them.</summary>
    IReadOnlyList<InboundEvent> Parse(ReadOnlySpan<byte> body);

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
