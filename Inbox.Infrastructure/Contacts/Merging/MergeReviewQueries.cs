using System.Linq.Expressions;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>The read side of merging: the side-by-side review, a contact's merge history, and the review queue.</summary>
internal sealed class MergeReviewQueries(InboxDbContext db, IEnumerable<IMergeParticipant> participants, TimeProvider clock) : IMergeReview, IDuplicateDismissals
{
    /// <summary>Members of one key group paired in the queue; a bigger group (a shared family phone) shows its first ones.</summary>
    private const int GroupCap = 8;

    public async Task<MergeCandidate?> CandidateAsync(InboxScope scope, Guid contactId, CancellationToken ct)
    {
        var contact = await db.VisibleContacts(scope).Include(c => c.Identities).FirstOrDefaultAsync(c => c.Id == contactId && c.MergedIntoId == null, ct);
        if (contact is null) return null;

        var visible = db.VisibleConversations(scope).Select(c => c.Id);
        var conversations = await db.Conversations.AsNoTracking()
            .Where(c => c.ContactId == contactId && c.MergedIntoConversationId == null)
            .OrderByDescending(c => c.LastMessageAt)
            .Select(c => new
            {
                c.Id,
                Inbox = db.SharedInboxes.Where(i => i.Id == c.SharedInboxId).Select(i => i.Name).FirstOrDefault(),
                Messages = db.Messages.Count(m => m.ConversationId == c.Id),
                c.LastMessageAt,
                // A thread in an inbox the caller does not serve is counted, never shown.
                Preview = visible.Contains(c.Id) ? c.LastMessagePreview : null,
            })
            .ToListAsync(ct);

        var records = new List<MergeCandidateRecords>();
        foreach (var participant in participants) records.AddRange(await participant.CountAsync(db, contactId, ct));

        return new MergeCandidate(
            contact.Id, ContactDetails.Of(contact), contact.DetailsVerifiedAt, contact.Version, contact.CreatedAt,
            contact.Identities.OrderBy(i => i.Channel).Select(i => new MergeCandidateIdentity(i.Channel, i.AccountId, i.DisplayName, i.ExternalId)).ToList(),
            conversations.Select(c => new MergeCandidateConversation(c.Id, c.Inbox ?? "", c.Messages, c.LastMessageAt, c.Preview)).ToList(),
            records);
    }

    public async Task<IReadOnlyList<MergeHistoryItem>> HistoryAsync(InboxScope scope, Guid contactId, CancellationToken ct)
    {
        if (!await db.VisibleContacts(scope).AnyAsync(c => c.Id == contactId, ct)) return [];
        var merges = await db.ContactMerges.AsNoTracking()
            .Where(m => m.SurvivorId == contactId || m.MergedId == contactId)
            .OrderByDescending(m => m.MergedAt).Take(50).ToListAsync(ct);
        return merges.Select(m => new MergeHistoryItem(m.Id, m.SurvivorId, m.MergedId, m.MergedBefore.Name, m.MergedAt,
            m.MergedBy.Name ?? m.MergedBy.Id, m.UndoneAt, m.UndoneBy is { } u ? u.Name ?? u.Id : null, m.Decisions)).ToList();
    }

    public async Task<IReadOnlyList<DuplicatePair>> QueueAsync(InboxScope scope, double minScore, int limit, CancellationToken ct)
    {
        // Keys are grouped over every live contact (an index walk per key); members are then read within the caller's
        // inboxes. Grouping over the caller's contacts directly costs a thread lookup per contact: minutes at 100k.
        var live = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null);
        var members = db.VisibleContacts(scope);
        var keys = limit * 5;
        var groups = new List<List<DuplicateProfile>>();

        // The members of a signal's shared keys, in one query per signal, grouped here.
        async Task AddGroupsAsync<TKey>(IReadOnlyCollection<TKey> keys, Expression<Func<Contact, bool>> candidates, Func<DuplicateProfile, TKey> keyOf)
        {
            if (keys.Count == 0) return;
            var wanted = keys.ToHashSet();
            var found = await Profiles(members.Where(candidates)).ToListAsync(ct);
            groups.AddRange(found.Where(p => wanted.Contains(keyOf(p))).GroupBy(keyOf).Select(g => g.Take(GroupCap).ToList()));
        }

        // Each signal: the keys shared by more than one contact (an index scan on the key's own index), then their members.
        var phones = await live.Where(c => c.Phone != null).GroupBy(c => c.Phone).Where(g => g.Count() > 1).Select(g => g.Key).Take(keys).ToListAsync(ct);
        await AddGroupsAsync(phones, c => phones.Contains(c.Phone), p => p.Phone);
        var emails = await live.Where(c => c.Email != null).GroupBy(c => c.Email).Where(g => g.Count() > 1).Select(g => g.Key).Take(keys).ToListAsync(ct);
        await AddGroupsAsync(emails, c => emails.Contains(c.Email), p => p.Email);
        var names = await live.Where(c => c.DateOfBirth != null && c.NameKey != "").GroupBy(c => new { c.NameKey, c.DateOfBirth })
            .Where(g => g.Count() > 1).Select(g => g.Key).Take(keys).ToListAsync(ct);
        var nameKeys = names.Select(n => n.NameKey).Distinct().ToList();
        await AddGroupsAsync(names.Select(n => (n.NameKey, n.DateOfBirth)).ToList(), c => nameKeys.Contains(c.NameKey) && c.DateOfBirth != null, p => (p.NameKey, p.DateOfBirth));
        var sounds = await live.Where(c => c.DateOfBirth != null && c.NameSoundKey != "").GroupBy(c => new { c.NameSoundKey, c.DateOfBirth })
            .Where(g => g.Count() > 1).Select(g => g.Key).Take(keys).ToListAsync(ct);
        var soundKeys = sounds.Select(n => n.NameSoundKey).Distinct().ToList();
        await AddGroupsAsync(sounds.Select(n => (n.NameSoundKey, n.DateOfBirth)).ToList(), c => soundKeys.Contains(c.NameSoundKey) && c.DateOfBirth != null, p => (p.NameSoundKey, p.DateOfBirth));

        var pairs = new Dictionary<(Guid, Guid), DuplicatePair>();
        foreach (var group in groups)
            for (var i = 0; i < group.Count; i++)
                for (var j = i + 1; j < group.Count; j++)
                {
                    var key = DuplicateDismissal.Key(group[i].Id, group[j].Id);
                    if (pairs.ContainsKey(key)) continue;
                    var (first, second) = key.Item1 == group[i].Id ? (group[i], group[j]) : (group[j], group[i]);
                    if (DuplicateRules.Score(first, second) is { } s && s.Score >= minScore)
                        pairs[key] = new DuplicatePair(first.Id, first.Name, second.Id, second.Name, s.Score, s.Reasons);
                }
        if (pairs.Count == 0) return [];

        var ids = pairs.Keys.Select(k => k.Item1).Distinct().ToList();
        var dismissed = (await db.DuplicateDismissals.AsNoTracking().Where(d => ids.Contains(d.FirstId)).Select(d => new { d.FirstId, d.SecondId }).ToListAsync(ct))
            .Select(d => (d.FirstId, d.SecondId)).ToHashSet();
        return pairs.Where(p => !dismissed.Contains(p.Key)).Select(p => p.Value)
            .OrderByDescending(p => p.Score).ThenBy(p => p.FirstName, StringComparer.Ordinal).Take(limit).ToList();
    }

    public async Task<Guid?> FoldedIntoAsync(InboxScope scope, Guid conversationId, CancellationToken ct)
    {
        var into = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId).Select(c => c.MergedIntoConversationId).FirstOrDefaultAsync(ct);
        return into is { } id && await db.VisibleConversations(scope).AnyAsync(c => c.Id == id, ct) ? id : null;
    }

    public async Task<ContactMerge?> MergeAsync(InboxScope scope, Guid mergeId, CancellationToken ct)
    {
        var merge = await db.ContactMerges.AsNoTracking().FirstOrDefaultAsync(m => m.Id == mergeId, ct);
        if (merge is null) return null;
        var holder = merge.IsUndone ? merge.SurvivorId : await MergedIntoAsync(merge.SurvivorId, ct) ?? merge.SurvivorId;
        return await db.VisibleContacts(scope).AnyAsync(c => c.Id == holder, ct) ? merge : null;
    }

    public async Task<Guid?> MergedIntoAsync(Guid contactId, CancellationToken ct)
    {
        Guid? survivor = null;
        // A survivor can itself be merged later: follow the chain (bounded, in case of bad data).
        for (var hops = 0; hops < 16; hops++)
        {
            var next = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.MergedIntoId).FirstOrDefaultAsync(ct);
            if (next is null) return survivor;
            survivor = contactId = next.Value;
        }
        return survivor;
    }

    public async Task DismissAsync(InboxScope scope, Guid firstId, Guid secondId, string staffId, CancellationToken ct)
    {
        if (firstId == secondId) return;
        var visible = db.VisibleContacts(scope);
        if (!await visible.AnyAsync(c => c.Id == firstId, ct) || !await visible.AnyAsync(c => c.Id == secondId, ct)) return;
        var key = DuplicateDismissal.Key(firstId, secondId);
        if (await db.DuplicateDismissals.AnyAsync(d => d.FirstId == key.First && d.SecondId == key.Second, ct)) return;
        db.DuplicateDismissals.Add(new DuplicateDismissal(firstId, secondId, staffId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<DuplicateProfile> Profiles(IQueryable<Contact> contacts) =>
        contacts.Select(c => new DuplicateProfile(c.Id, c.Name, c.Phone, c.Email, c.DateOfBirth, c.NameKey, c.NameSoundKey));
}
