using Inbox.Core.Contacts;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>
/// Finds duplicate candidates in the database: each signal (phone, email, name key, sound key) is one seek on its
/// index, capped, so the cost does not grow with the number of contacts; only the few candidates are scored here.
/// Merged-away contacts (tombstones) are never candidates.
/// </summary>
internal sealed class DuplicateFinder(InboxDbContext db) : IDuplicateFinder
{
    private const int PerSignal = 25;

    public async Task<IReadOnlyList<DuplicateSuggestion>> FindAsync(InboxScope scope, Guid contactId, int limit, CancellationToken ct)
    {
        var contacts = db.VisibleContacts(scope);
        var contact = await Profiles(contacts.Where(c => c.Id == contactId)).FirstOrDefaultAsync(ct);
        if (contact is null) return [];

        var candidates = new Dictionary<Guid, DuplicateProfile>();
        async Task AddAsync(IQueryable<Contact> matches)
        {
            foreach (var p in await Profiles(matches.Where(c => c.Id != contactId)).Take(PerSignal).ToListAsync(ct)) candidates.TryAdd(p.Id, p);
        }
        if (contact.Phone is { } phone) await AddAsync(contacts.Where(c => c.Phone == phone));
        if (contact.Email is { } email) await AddAsync(contacts.Where(c => c.Email == email));
        if (contact.NameKey.Length > 0) await AddAsync(contacts.Where(c => c.NameKey == contact.NameKey));
        if (contact.NameSoundKey.Length > 0) await AddAsync(contacts.Where(c => c.NameSoundKey == contact.NameSoundKey));

        // Pairs a receptionist said are different people are not suggested again.
        var dismissed = await db.DuplicateDismissals.AsNoTracking()
            .Where(d => d.FirstId == contactId || d.SecondId == contactId)
            .Select(d => d.FirstId == contactId ? d.SecondId : d.FirstId).ToListAsync(ct);
        foreach (var id in dismissed) candidates.Remove(id);

        return candidates.Values.Select(c => DuplicateRules.Score(contact, c)).OfType<DuplicateSuggestion>()
            .OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static IQueryable<DuplicateProfile> Profiles(IQueryable<Contact> contacts) =>
        contacts.Select(c => new DuplicateProfile(c.Id, c.Name, c.Phone, c.Email, c.DateOfBirth, c.NameKey, c.NameSoundKey));
}
