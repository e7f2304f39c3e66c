using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Identity;

/// <summary>Starts, checks, refreshes and ends staff sessions. The server's clock decides, never the browser's.</summary>
public sealed class StaffSessions(InboxDbContext db, TimeProvider clock, IOptionsMonitor<SecurityOptions> options)
{
    // Activity is written at most this often, so a busy receptionist does not write on every request.
    private static readonly TimeSpan TouchGranularity = TimeSpan.FromSeconds(30);

    private SessionRules Rules => new(options.CurrentValue.IdleTimeout, options.CurrentValue.AbsoluteSessionLimit);

    public async Task<Guid> StartAsync(string userId, string? ip, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var session = new StaffSession { UserId = userId, StartedAt = now, LastActivityAt = now, IpAddress = ip };
        db.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>Is the session still alive? Ends it (and says why) when a rule has run out.</summary>
    public async Task<SessionEnd> CheckAsync(Guid sessionId, bool recordActivity, CancellationToken ct = default)
    {
        var session = await db.Set<StaffSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return SessionEnd.SignedOut;
        if (session.EndReason is { } ended) return ended;

        var now = clock.GetUtcNow();
        var verdict = Rules.Evaluate(session.StartedAt, session.LastActivityAt, now);
        if (verdict != SessionEnd.Active)
        {
            session.EndedAt = now;
            session.EndReason = verdict;
            await db.SaveChangesAsync(ct);
            return verdict;
        }
        if (recordActivity && now - session.LastActivityAt >= TouchGranularity)
        {
            session.LastActivityAt = now;
            await db.SaveChangesAsync(ct);
        }
        return SessionEnd.Active;
    }

    /// <summary>Ends every live session of a person (role change, reset, lock, disable), except <paramref name="keep"/> if given.</summary>
    public async Task<int> EndAllAsync(string userId, Guid? keep = null, CancellationToken ct = default)
    {
        var live = await db.Set<StaffSession>().Where(s => s.UserId == userId && s.EndReason == null && (keep == null || s.Id != keep.Value)).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var session in live)
        {
            session.EndedAt = now;
            session.EndReason = SessionEnd.Revoked;
        }
        if (live.Count > 0) await db.SaveChangesAsync(ct);
        return live.Count;
    }

    public async Task EndAsync(Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Set<StaffSession>().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null || session.EndReason is not null) return;
        session.EndedAt = clock.GetUtcNow();
        session.EndReason = SessionEnd.SignedOut;
        await db.SaveChangesAsync(ct);
    }
}
