using Inbox.Core.Audit;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Audit;

/// <summary>How the first broken link fails.</summary>
public enum AuditBreak
{
    /// <summary>The entry's fields no longer match its hash: the entry itself was changed.</summary>
    EntryChanged,
    /// <summary>The entry does not link to the one stored before it: an entry before it was removed, inserted or rewritten.</summary>
    LinkBroken,
}

/// <summary>The result of walking the chain: intact, or the first entry whose link does not hold.</summary>
/// <param name="EntriesChecked">Entries found intact, in order, before the first broken one (all of them when intact).</param>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId, DateTimeOffset? FirstBrokenAt = null, AuditBreak? Break = null);

/// <summary>Walks the whole audit chain in id order, recomputing every hash.</summary>
public sealed class AuditVerifier(InboxDbContext db)
{
    private const int PageSize = 1000;

    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var previous = AuditChain.Genesis;
        long checkedCount = 0, lastId = 0;
        while (true)
        {
            var page = await db.AuditLog.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id).Take(PageSize).ToListAsync(ct);
            if (page.Count == 0) return new AuditVerification(true, checkedCount, null);
            foreach (var record in page)
            {
                if (record.PreviousHash != previous)
                    return new AuditVerification(false, checkedCount, record.Id, record.At, AuditBreak.LinkBroken);
                if (record.Hash != AuditChain.Hash(previous, record.ToEntry()))
                    return new AuditVerification(false, checkedCount, record.Id, record.At, AuditBreak.EntryChanged);
                previous = record.Hash;
                checkedCount++;
                lastId = record.Id;
            }
        }
    }
}
