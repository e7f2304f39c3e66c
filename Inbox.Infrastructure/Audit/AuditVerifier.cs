using Inbox.Core.Audit;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Audit;

/// <summary>The result of walking the chain: intact, or the first entry whose link does not hold.</summary>
public sealed record AuditVerification(bool Intact, long EntriesChecked, long? FirstBrokenId);

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
                if (record.PreviousHash != previous || record.Hash != AuditChain.Hash(previous, record.ToEntry()))
                    return new AuditVerification(false, checkedCount, record.Id);
                previous = record.Hash;
                checkedCount++;
                lastId = record.Id;
            }
        }
    }
}
