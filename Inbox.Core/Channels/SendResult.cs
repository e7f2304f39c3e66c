namespace Inbox.Core.Channels;

/// <summary>How a send attempt ended, in terms the outbound queue can act on.</summary>
public enum SendFailureKind
{
    /// <summary>Worth retrying later: outage, timeout, 5xx, rate limits.</summary>
    Transient,
    /// <summary>Retrying the same request will not help (bad recipient, closed window, rejected payload).</summary>
    Permanent,
}

public sealed record SendResult(bool Succeeded, string? ProviderMessageId, SendFailureKind? FailureKind, string? ErrorCode, string? ErrorReason, TimeSpan? RetryAfter)
{
    public static SendResult Sent(string providerMessageId) => new(true, providerMessageId, null, null, null, null);

    public static SendResult Transient(string? code, string reason, TimeSpan? retryAfter = null) =>
        new(false, null, SendFailureKind.Transient, code, reason, retryAfter);

    public static SendResult Permanent(string? code, string reason) =>
        new(false, null, SendFailureKind.Permanent, code, reason, null);
}
