using Inbox.Core.Common;

namespace Inbox.Core.Channels;

/// <summary>Where a channel account's settings and secrets come from.</summary>
public enum ChannelAccountSource
{
    /// <summary>`Channels:&lt;Channel&gt;` in configuration (appsettings, environment, user-secrets); read-only on screen.</summary>
    Configuration,
    /// <summary>Connected on the admin screen; secrets stored encrypted with ASP.NET Data Protection.</summary>
    Admin,
}

/// <summary>
/// A connected business number, Facebook page or LINE official account, and the shared inbox its conversations
/// go to. Secrets are never kept here in clear: <see cref="ProtectedSecrets"/> is Data Protection ciphertext.
/// </summary>
public sealed class ChannelAccount : Entity
{
    public const int DisplayNameMaxLength = 80;

    private ChannelAccount() { }

    public ChannelAccount(ChannelKind channel, string accountId, string displayName, Guid sharedInboxId, ChannelAccountSource source, DateTimeOffset createdAt)
    {
        if (string.IsNullOrWhiteSpace(accountId)) throw new InboxDomainException("A channel account needs the platform's id.");
        Channel = channel;
        AccountId = accountId.Trim();
        Source = source;
        CreatedAt = createdAt;
        Rename(displayName);
        MoveTo(sharedInboxId);
    }

    public ChannelKind Channel { get; private set; }
    /// <summary>The platform's id webhooks are routed by (phone number id, page id, LINE channel).</summary>
    public string AccountId { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public Guid SharedInboxId { get; private set; }
    public ChannelAccountSource Source { get; private set; }
    public string? ProtectedSecrets { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DisconnectedAt { get; private set; }

    public bool IsConnected => DisconnectedAt is null;

    public void Rename(string displayName)
    {
        var name = string.IsNullOrWhiteSpace(displayName) ? $"{ChannelNames.Display(Channel)} {AccountId}" : displayName.Trim();
        DisplayName = name.Length > DisplayNameMaxLength ? name[..DisplayNameMaxLength] : name;
    }

    public void MoveTo(Guid sharedInboxId)
    {
        if (sharedInboxId == Guid.Empty) throw new InboxDomainException("A channel account belongs to a shared inbox.");
        SharedInboxId = sharedInboxId;
    }

    public void StoreSecrets(string protectedSecrets)
    {
        if (Source != ChannelAccountSource.Admin) throw new InboxDomainException("This account's secrets come from configuration.");
        ProtectedSecrets = protectedSecrets;
    }

    public void Disconnect(DateTimeOffset at) => DisconnectedAt ??= at;

    public void Reconnect() => DisconnectedAt = null;
}
