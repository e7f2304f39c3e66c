namespace Inbox.Core.Contacts;

/// <summary>A possible duplicate of a contact: how likely (0–1) and why, in words a receptionist can check.</summary>
public sealed record DuplicateSuggestion(Guid ContactId, string Name, double Score, IReadOnlyList<string> Reasons);

/// <summary>What a contact looks like to the duplicate rules.</summary>
public sealed record DuplicateProfile(Guid Id, string Name, string? Phone, string? Email, DateOnly? DateOfBirth, string NameKey, string NameSoundKey);

/// <summary>
/// Scores a candidate against a contact. Each matching signal has a weight; signals combine as independent
/// evidence (1 − Π(1 − w)), so two weak signals rank above one, and no score reaches 1 without a verified key.
/// </summary>
public static class DuplicateRules
{
    public const double SamePhone = 0.9;
    public const double SameEmail = 0.8;
    public const double SameNameAndBirthDate = 0.85;
    public const double SameName = 0.5;
    public const double SimilarNameAndBirthDate = 0.6;
    public const double SimilarName = 0.3;

    public static DuplicateSuggestion? Score(DuplicateProfile contact, DuplicateProfile candidate)
    {
        if (candidate.Id == contact.Id) return null;
        var signals = new List<(double Weight, string Reason)>();
        if (contact.Phone is not null && contact.Phone == candidate.Phone)
            signals.Add((SamePhone, $"Same phone number ({PhoneNumber.Parse(contact.Phone).ToInternationalFormat()})"));
        if (contact.Email is not null && string.Equals(contact.Email, candidate.Email, StringComparison.OrdinalIgnoreCase))
            signals.Add((SameEmail, $"Same email ({candidate.Email})"));
        var sameBirth = contact.DateOfBirth is not null && contact.DateOfBirth == candidate.DateOfBirth;
        if (contact.NameKey.Length > 0 && contact.NameKey == candidate.NameKey)
            signals.Add(sameBirth ? (SameNameAndBirthDate, $"Same name and date of birth ({contact.DateOfBirth:yyyy-MM-dd})") : (SameName, $"Same name ({candidate.Name})"));
        else if (contact.NameSoundKey.Length > 0 && contact.NameSoundKey == candidate.NameSoundKey)
            signals.Add(sameBirth ? (SimilarNameAndBirthDate, $"Similar name ({candidate.Name}) and same date of birth") : (SimilarName, $"Similar name ({candidate.Name})"));
        if (signals.Count == 0) return null;
        var score = 1 - signals.Aggregate(1.0, (rest, s) => rest * (1 - s.Weight));
        return new DuplicateSuggestion(candidate.Id, candidate.Name, Math.Round(score, 3), signals.Select(s => s.Reason).ToList());
    }
}

/// <summary>Ranked duplicate suggestions for a contact, found with one index seek per signal.</summary>
public interface IDuplicateFinder
{
    /// <returns>Best first; empty when the contact is unknown or outside the caller's inboxes.</returns>
    Task<IReadOnlyList<DuplicateSuggestion>> FindAsync(Teams.InboxScope scope, Guid contactId, int limit, CancellationToken ct);
}
