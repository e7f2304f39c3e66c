using Inbox.Core.CannedReplies;
using Inbox.Core.Common;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.CannedReplies;

internal sealed class CannedReplyCatalogue(InboxDbContext db, TimeProvider clock) : ICannedReplies
{
    public async Task<IReadOnlyList<CannedReplyView>> AllAsync(CancellationToken ct) =>
        await Views(db.CannedReplies.OrderBy(r => r.Shortcut)).ToListAsync(ct);

    public async Task<IReadOnlyList<CannedReplyView>> SearchAsync(string query, int limit, CancellationToken ct)
    {
        var q = (query ?? "").Trim().TrimStart('/').ToLowerInvariant();
        // A clinic keeps tens of replies, not thousands: one small read, ranked here.
        var all = await AllAsync(ct);
        return all.Where(r => q.Length == 0 || r.Shortcut.StartsWith(q, StringComparison.Ordinal) || r.Title.Contains(q, StringComparison.OrdinalIgnoreCase))
            .OrderBy(r => r.Shortcut.StartsWith(q, StringComparison.Ordinal) ? 0 : 1).ThenBy(r => r.Shortcut)
            .Take(limit).ToList();
    }

    public async Task<Guid> AddAsync(string shortcut, string title, string body, CancellationToken ct)
    {
        var reply = new CannedReply(shortcut, title, body, clock.GetUtcNow());
        await EnsureFreeAsync(reply.Shortcut, null, ct);
        db.CannedReplies.Add(reply);
        await db.SaveChangesAsync(ct);
        return reply.Id;
    }

    public async Task UpdateAsync(Guid id, string shortcut, string title, string body, CancellationToken ct)
    {
        var reply = await db.CannedReplies.SingleAsync(r => r.Id == id, ct);
        reply.Change(shortcut, title, body, clock.GetUtcNow());
        await EnsureFreeAsync(reply.Shortcut, id, ct);
        await db.SaveChangesAsync(ct);
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct)
    {
        var reply = await db.CannedReplies.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (reply is null) return;
        db.CannedReplies.Remove(reply);
        await db.SaveChangesAsync(ct);
    }

    private async Task EnsureFreeAsync(string shortcut, Guid? except, CancellationToken ct)
    {
        if (await db.CannedReplies.AnyAsync(r => r.Shortcut == shortcut && r.Id != except, ct))
            throw new InboxDomainException($"/{shortcut} is taken by another reply.");
    }

    private static IQueryable<CannedReplyView> Views(IQueryable<CannedReply> replies) =>
        replies.AsNoTracking().Select(r => new CannedReplyView(r.Id, r.Shortcut, r.Title, r.Body));
}
