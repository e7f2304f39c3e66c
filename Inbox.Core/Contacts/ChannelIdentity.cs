using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Contacts;

/// <summary>One patient's id on one channel account (WhatsApp BSUID or wa_id, Messenger PSID, LINE userId).</summary>
public sealed class ChannelIdentity : Entity
{
    private ChannelIdentity() { }

    internal ChannelIdentity(Guid contactId, ChannelKind channel, string accountId, string externalId, string? displayName, string? phone)
    {
        ContactId = contactId;
        Channel = channel;
        AccountId = accountId;
        ExternalId = externalId;
        DisplayName = displayName;
        Phone = phone;
    }

    public Guid ContactId { get; private set; }
    public ChannelKind Channel { get; private set; }
    /// <summary>The channel account (business number id, page id, LINE channel) this identity belongs to.</summary>
    public string AccountId { get; private set; } = "";
    public string ExternalId { get; private set; } = "";
    public string? DisplayName { get; private set; }
    /// <summary>Phone digits as the platform gave them (WhatsApp wa_id); needed to send to that user.</summary>
    public string? Phone { get; private set; }

    /// <summary>Platforms send the current profile name with messages; keep the latest.</summary>
    public void RefreshProfile(string? displayName, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName;
        if (!string.IsNullOrWhiteSpace(phone)) Phone = phone;
    }
}
