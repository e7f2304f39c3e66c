using Inbox.Core.Audit;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Audit;

/// <summary>
/// Appends audit entries to the hash-chained log. Appends take turns (one chain, one writer at a time in
/// this process), each reading the last hash and linking to it inside its own transaction.
/// </summary>
internal sealed class StoredAuditTrail(IServiceScopeFactory scopes, SqliteWriteGate writeGate) : IAuditTrail
{
    private readonly SemaphoreSlim _turn = new(1, 1);

    public async Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return;
        await _turn.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            // Its own transaction, so it takes the SQLite write turn itself (see SqliteWriteTurnInterceptor).
            using var turn = await writeGate.EnterAsync(db, ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var previous = await db.AuditLog.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(ct) ?? AuditChain.Genesis;
            foreach (var entry in entries)
            {
                var hash = AuditChain.Hash(previous, entry);
                db.AuditLog.Add(new AuditRecord
                {
                    At = entry.At, ActorKind = entry.Actor.Kind, ActorId = entry.Actor.Id, ActorName = entry.Actor.Name,
                    Action = entry.Action, SubjectType = entry.SubjectType, SubjectId = entry.SubjectId, Ip = entry.Ip, Detail = entry.Detail,
                    PreviousHash = previous, Hash = hash,
                });
                previous = hash;
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        finally { _turn.Release(); }
    }
}
