using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Bot;

public sealed record BotInboxSummary(Guid InboxId, string Name, bool BotEnabled, int? LatestVersion);

public sealed record BotFlowVersionSummary(int Version, DateTimeOffset CreatedAt, string? CreatedBy);

/// <summary>/admin/bot: each inbox's flow (every save a new version) and whether its bot answers.</summary>
public sealed class BotFlowAdmin(InboxDbContext db, IValidator<BotFlow> validator, IAuditTrail audit, ChannelAccountDirectory accounts, TimeProvider clock)
{
    public async Task<IReadOnlyList<BotInboxSummary>> InboxesAsync(CancellationToken ct)
    {
        var inboxes = await db.SharedInboxes.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        var latest = await db.BotFlowVersions.AsNoTracking().GroupBy(v => v.SharedInboxId).Select(g => new { g.Key, Version = g.Max(v => v.Version) }).ToListAsync(ct);
        return inboxes.Select(i => new BotInboxSummary(i.Id, i.Name, i.BotEnabled, latest.FirstOrDefault(l => l.Key == i.Id)?.Version)).ToList();
    }

    /// <summary>The inbox's latest flow, or the default clinic flow for an inbox that has none yet (saved as version 1).</summary>
    public async Task<BotFlow> CurrentAsync(Guid inboxId, CancellationToken ct) =>
        (await db.BotFlowVersions.AsNoTracking().Where(v => v.SharedInboxId == inboxId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct))?.Flow
        ?? DefaultClinicFlow.Create();

    public async Task<IReadOnlyList<BotFlowVersionSummary>> VersionsAsync(Guid inboxId, CancellationToken ct) =>
        await db.BotFlowVersions.AsNoTracking().Where(v => v.SharedInboxId == inboxId).OrderByDescending(v => v.Version)
            .Select(v => new BotFlowVersionSummary(v.Version, v.CreatedAt, v.CreatedBy)).Take(50).ToListAsync(ct);

    /// <summary>Validates and stores the flow as the inbox's next version; returns the errors by field, or the new version number.</summary>
    public async Task<(int? Version, IDictionary<string, string[]> Errors)> SaveAsync(Guid inboxId, BotFlow flow, AuditActor actor, CancellationToken ct)
    {
        var result = await validator.ValidateAsync(flow, ct);
        if (!result.IsValid) return (null, result.ToDictionary());
        var next = (await db.BotFlowVersions.Where(v => v.SharedInboxId == inboxId).MaxAsync(v => (int?)v.Version, ct) ?? 0) + 1;
        db.BotFlowVersions.Add(new BotFlowVersion(inboxId, next, flow, actor.Id, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor, AuditActions.BotFlowSave, AuditSubjects.SharedInbox, inboxId.ToString(), null)], ct);
        return (next, new Dictionary<string, string[]>());
    }

    public async Task SetEnabledAsync(Guid inboxId, bool enabled, AuditActor actor, CancellationToken ct)
    {
        var inbox = await db.SharedInboxes.SingleAsync(i => i.Id == inboxId, ct);
        if (enabled && !await db.BotFlowVersions.AnyAsync(v => v.SharedInboxId == inboxId, ct))
            db.BotFlowVersions.Add(new BotFlowVersion(inboxId, 1, DefaultClinicFlow.Create(), actor.Id, clock.GetUtcNow()));
        inbox.EnableBot(enabled);
        await db.SaveChangesAsync(ct);
        // Inbound events read the switch from the accounts snapshot (other instances within their next reload).
        await accounts.ReloadAsync(ct);
        await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor, enabled ? AuditActions.BotEnable : AuditActions.BotDisable, AuditSubjects.SharedInbox, inboxId.ToString(), null)], ct);
    }
}
