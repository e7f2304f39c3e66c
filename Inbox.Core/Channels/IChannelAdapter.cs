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

    /// <summary>
    /// Checks the signature over the raw bytes exactly as received, in constant time, against the secret of
    /// each account this channel serves (<see cref="IChannelAccountDirectory"/>).
    /// </summary>
    bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature);

    /// <summary>Answers the platform's subscription handshake; null when the token is wrong or the platform has none.</summary>
    string? AnswerHandshake(string? mode, string? verifyToken, string? challenge);

    /// <summary>Cheap look at a signed body before it is stored: is it the platform's envelope, for an account we serve?</summary>
    WebhookInspection Inspect(ReadOnlySpan<byte> body);

    /// <summary>Every event in a stored webhook body, in the order the platform listed them.</summary>
    IReadOnlyList<InboundEvent> Parse(ReadOnlySpan<byte> body);

    Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken);

    /// <summary>The patient's profile from the platform's profile API; null when the platform has none (WhatsApp sends names in webhooks).</summary>
    Task<ChannelProfile?> GetProfileAsync(string accountId, string externalId, CancellationToken cancellationToken);

    /// <summary>Opens a media attachment through the platform's media API.</summary>
    Task<MediaDownload> DownloadMediaAsync(string accountId, InboundMedia media, CancellationToken cancellationToken);
}
