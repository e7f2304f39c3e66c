using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Audit;
using Inbox.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>
/// The audit log, newest first, keyset-paged on (At, Id). Every filter has an index that ends in At
/// (AuditRecordConfiguration), and both providers append the key to an index, so each filtered page is a
/// short range read in index order: no table scan and no sort, however many millions of rows there are.
/// </summary>
internal sealed class AuditLogQueries(InboxDbContext db, IOptions<ApiOptions> api) : IAuditLog
{
    public async Task<Page<AuditLogEntry>> ListAsync(AuditFilter filter, int limit, string? cursor, CancellationToken ct)
    {
        var rows = await Query(filter, AuditCursor.Decode(cursor))
            .Take(limit + 1)
            .Select(a => new AuditLogEntry(a.Id, a.At, new AuditActor(a.ActorKind, a.ActorId, a.ActorName), a.Action, a.SubjectType, a.SubjectId, a.Ip, a.Detail))
            .ToListAsync(ct);
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new Page<AuditLogEntry>(rows, more ? new AuditCursor(rows[^1].At, rows[^1].Id).Encode() : null);
    }

    internal IQueryable<AuditRecord> Query(AuditFilter filter, AuditCursor? after)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(filter.ActorId)) query = query.Where(a => a.ActorId == filter.ActorId);
        if (!string.IsNullOrEmpty(filter.Action)) query = query.Where(a => a.Action == filter.Action);
        if (!string.IsNullOrEmpty(filter.SubjectType)) query = query.Where(a => a.SubjectType == filter.SubjectType);
        if (!string.IsNullOrEmpty(filter.SubjectId)) query = query.Where(a => a.SubjectId == filter.SubjectId);
        if (filter.From is { } from) query = query.Where(a => a.At >= from);
        if (filter.To is { } to) query = query.Where(a => a.At < to);
        if (after is { } c)
            // "At <= c.At" on its own lets the database seek in the index; the OR only breaks ties within one instant.
            query = query.Where(a => a.At <= c.At && (a.At < c.At || a.Id < c.Id));
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }

    public async Task<IReadOnlyList<AuditActorChoice>> ActorsAsync(CancellationToken ct)
    {
        var staff = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName)
            .Select(u => new AuditActorChoice(u.Id, u.DisplayName, "staff")).ToListAsync(ct);
        var keys = await db.ApiKeys.AsNoTracking().OrderBy(k => k.Name)
            .Select(k => k.Name).ToListAsync(ct);
        if (!string.IsNullOrEmpty(api.Value.DevelopmentKey)) keys.Insert(0, ApiKeyVerifier.DevelopmentKeyName);
        return [.. staff, .. keys.Select(name => new AuditActorChoice(ApiKey.ActorIdFor(name), name, "apiKey"))];
    }
}
