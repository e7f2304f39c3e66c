using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Contacts;

/// <summary>One patient (or relative). Owns the channel identities they write from.</summary>
public sealed class Contact : AggregateRoot
{
    /// <summary>The name of a patient whose platform told us none (yet).</summary>
    public const string UnknownName = "Unknown patient";

    private readonly List<ChannelIdentity> _identities = [];

    private Contact() { }

    public Contact(string name, PhoneNumber? phone, DateTimeOffset createdAt)
    {
        Name = string.IsNullOrWhiteSpace(name) ? UnknownName : name.Trim();
        Phone = phone?.Value;
        CreatedAt = createdAt;
        RefreshNameKeys();
    }

    public string Name { get; private set; } = "";
    /// <summary>E.164, or null when the patient has not shared a number.</summary>
    public string? Phone { get; private set; }
    public string? Email { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateOnly? DateOfBirth { get; private set; }
    /// <summary><see cref="NameKeys.Exact"/> of the name: duplicates with the same name are an index seek away.</summary>
    public string NameKey { get; private set; } = "";
    /// <summary><see cref="NameKeys.Sound"/> of the name: similar spellings.</summary>
    public string NameSoundKey { get; private set; } = "";

    public IReadOnlyList<ChannelIdentity> Identities => _identities;

    public ChannelIdentity AddIdentity(ChannelKind channel, string accountId, string externalId, string? displayName, string? phone)
    {
        if (_identities.Any(i => i.Channel == channel && i.AccountId == accountId && i.ExternalId == externalId))
            throw new InboxDomainException("This contact already has that channel identity.");
        var identity = new ChannelIdentity(Id, channel, accountId, externalId, displayName, phone);
        _identities.Add(identity);
        return identity;
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new InboxDomainException("A contact needs a name.");
        Name = name.Trim();
        RefreshNameKeys();
    }

    public void ChangeDateOfBirth(DateOnly? dateOfBirth) => DateOfBirth = dateOfBirth;

    private void RefreshNameKeys()
    {
        NameKey = NameKeys.Exact(Name);
        NameSoundKey = NameKeys.Sound(Name);
    }

    public void ChangePhone(PhoneNumber? phone) => Phone = phone?.Value;

    public void ChangeEmail(string? email) => Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
}
