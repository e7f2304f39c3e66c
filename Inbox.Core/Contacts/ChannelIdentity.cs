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

    /// <summary>LINE: the reply token of the patient's latest event, usable once within about a minute (replies are free).</summary>
    public string? ReplyToken { get; private set; }
    public DateTimeOffset? ReplyTokenAt { get; private set; }
    /// <summary>False after a LINE unfollow (block): nothing can be delivered until they follow again.</summary>
    public bool IsFollowing { get; private set; } = true;
    /// <summary>When the platform's profile API was last asked for this person's name (Messenger, LINE).</summary>
    public DateTimeOffset? ProfileCheckedAt { get; private set; }

    public void OfferReplyToken(string? token, DateTimeOffset at)
    {
        if (string.IsNullOrEmpty(token) || (ReplyTokenAt is { } known && known > at)) return;
        ReplyToken = token;
        ReplyTokenAt = at;
    }

    /// <summary>Takes the reply token if it is still fresh; a token is used once, so it is cleared either way.</summary>
    public string? TakeReplyToken(DateTimeOffset now, TimeSpan maxAge)
    {
        var token = ReplyToken is not null && ReplyTokenAt is { } at && now - at < maxAge ? ReplyToken : null;
        ReplyToken = null;
        ReplyTokenAt = null;
        return token;
    }

    public void SetFollowing(bool following) => IsFollowing = following;

    public void ApplyProfile(string? displayName, DateTimeOffset checkedAt)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName.Trim();
        ProfileCheckedAt = checkedAt;
    }

    /// <summary>Platforms send the current profile name with messages; keep the latest.</summary>
    public void RefreshProfile(string? displayName, string? phone)
    {
        if (!string.IsNullOrWhiteSpace(displayName)) DisplayName = displayName;
        if (!string.IsNullOrWhiteSpace(phone)) Phone = phone;
    }
}
