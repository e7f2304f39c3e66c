namespace Inbox.Core.Channels;

/// <summary>What the webhook endpoint needs to know about a signed body before it stores it.</summary>
public enum WebhookInspection
{
    /// <summary>Well-formed and addressed to an account we serve: store it.</summary>
    Accept,
    /// <summary>Not JSON, or not the platform's envelope: refuse with 400.</summary>
    Malformed,
    /// <summary>Well-formed but for no account we serve: answer 200 so the platform stops retrying, store nothing.</summary>
    UnknownAccount,
    /// <summary>Signed, well-formed and empty (LINE's console Verify button sends no events): answer 200, store nothing.</summary>
    Empty,
}
