using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Webhooks;

/// <summary>
/// A signed webhook body exactly as the platform sent it, stored before we answer 200.
/// The inbound processor turns it into contacts, conversations and messages later.
/// </summary>
public sealed class RawWebhookEvent
{
    public long Id { get; set; }
    public ChannelKind Channel { get; set; }
    /// <summary>SHA-256 of the body in hex: a redelivered identical body is stored once.</summary>
    public string BodyHash { get; set; } = "";
    public byte[] Body { get; set; } = [];
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    /// <summary>Why processing failed (no patient data: exception type and message only).</summary>
    public string? LastError { get; set; }
}
