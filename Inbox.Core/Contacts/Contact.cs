using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Core.Contacts.Merging;

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
        DetailsVerifiedAt = createdAt;
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

    /// <summary>
    /// When the details were last given by a trusted source: the platform at first contact (a WhatsApp number is
    /// verified by WhatsApp), then staff or the API. A merge keeps the most recently verified value by default.
    /// </summary>
    public DateTimeOffset DetailsVerifiedAt { get; private set; }
    /// <summary>Set once this contact was merged away: a tombstone whose old links and API ids lead to the survivor.</summary>
    public Guid? MergedIntoId { get; private set; }
    /// <summary>Bumped on every change: a merge or edit based on what someone saw earlier fails instead of overwriting a newer change.</summary>
    public int Version { get; private set; }

    public bool IsMerged => MergedIntoId is not null;

    public IReadOnlyList<ChannelIdentity> Identities => _identities;

    public ChannelIdentity AddIdentity(ChannelKind channel, string accountId, string externalId, string? displayName, string? phone)
    {
        if (_identities.Any(i => i.Channel == channel && i.AccountId == accountId && i.ExternalId == externalId))
            throw new InboxDomainException("This contact already has that channel identity.");
        var identity = new ChannelIdentity(Id, channel, accountId, externalId, displayName, phone);
        _identities.Add(identity);
        return identity;
    }

    /// <summary>A name from a platform profile (unverified) or a key refresh.</summary>
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new InboxDomainException("A contact needs a name.");
        Name = name.Trim();
        RefreshNameKeys();
        Version++;
    }

    /// <summary>Staff or the API set the details: they count as verified now.</summary>
    public void Edit(ContactDetails details, DateTimeOffset at)
    {
        EnsureNotMerged();
        SetDetails(details);
        DetailsVerifiedAt = at;
    }

    /// <summary>The survivor of a merge takes the chosen values; its verification time becomes the newer of the two.</summary>
    public void TakeMergedDetails(ContactDetails details, DateTimeOffset otherVerifiedAt)
    {
        EnsureNotMerged();
        SetDetails(details);
        if (otherVerifiedAt > DetailsVerifiedAt) DetailsVerifiedAt = otherVerifiedAt;
    }

    /// <summary>This contact is the same person as <paramref name="survivorId"/>: it becomes a tombstone pointing there.</summary>
    public void MergeInto(Guid survivorId)
    {
        if (survivorId == Id) throw new InboxDomainException("A contact cannot be merged into itself.");
        EnsureNotMerged();
        MergedIntoId = survivorId;
        Version++;
    }

    /// <summary>An unmerge puts the details (and, for the merged-away side, its life) back exactly as they were.</summary>
    public void Restore(ContactDetails details, DateTimeOffset verifiedAt)
    {
        MergedIntoId = null;
        SetDetails(details);
        DetailsVerifiedAt = verifiedAt;
    }

    private void SetDetails(ContactDetails details)
    {
        if (string.IsNullOrWhiteSpace(details.Name)) throw new InboxDomainException("A contact needs a name.");
        Name = details.Name.Trim();
        // Callers pass E.164 (parsed by PhoneNumber) or a value this contact or its twin already held.
        Phone = details.Phone;
        Email = string.IsNullOrWhiteSpace(details.Email) ? null : details.Email.Trim();
        DateOfBirth = details.DateOfBirth;
        RefreshNameKeys();
        Version++;
    }

    private void EnsureNotMerged()
    {
        if (IsMerged) throw new InboxDomainException("This contact was merged into another one; change that one instead.");
    }

    private void RefreshNameKeys()
    {
        NameKey = NameKeys.Exact(Name);
        NameSoundKey = NameKeys.Sound(Name);
    }
}
