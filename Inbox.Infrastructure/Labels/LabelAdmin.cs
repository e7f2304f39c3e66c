using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Core.Labels;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Labels;

/// <summary>The label catalogue admins keep on `/admin/labels`; each change is audited.</summary>
public sealed class LabelAdmin(InboxDbContext db, IAuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<LabelChip>> AllAsync(CancellationToken ct) =>
        (await db.Labels.AsNoTracking().Select(l => new LabelChip(l.Id, l.Name, l.Color)).ToListAsync(ct))
            .OrderBy(l => l.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    /// <summary>Labels by name (case-insensitive), as the API takes them; unknown names are returned apart.</summary>
    public async Task<(IReadOnlyList<Guid> Ids, IReadOnlyList<string> Unknown)> ResolveNamesAsync(IEnumerable<string> names, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        var ids = new List<Guid>();
        var unknown = new List<string>();
        foreach (var name in names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (all.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase)) is { } label) ids.Add(label.Id);
            else unknown.Add(name);
        }
        return (ids, unknown);
    }

    public async Task<Guid> CreateAsync(string name, string color, AuditActor actor, string? ip, CancellationToken ct)
    {
        var label = new Label(name, color, clock.GetUtcNow());
        await EnsureUniqueAsync(label.Name, null, ct);
        db.Labels.Add(label);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditActions.LabelCreate, label.Id, actor, ip, ct);
        return label.Id;
    }

    public async Task ChangeAsync(Guid id, string name, string color, AuditActor actor, string? ip, CancellationToken ct)
    {
        var label = await db.Labels.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw new InboxDomainException("That label no longer exists.");
        label.Change(name, color);
        await EnsureUniqueAsync(label.Name, id, ct);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditActions.LabelChange, id, actor, ip, ct);
    }

    /// <summary>Takes the label off every conversation too (the join rows cascade).</summary>
    public async Task DeleteAsync(Guid id, AuditActor actor, string? ip, CancellationToken ct)
    {
        if (await db.Labels.SingleOrDefaultAsync(l => l.Id == id, ct) is not { } label) return;
        db.Labels.Remove(label);
        await db.SaveChangesAsync(ct);
        await RecordAsync(AuditActions.LabelDelete, id, actor, ip, ct);
    }

    private async Task EnsureUniqueAsync(string name, Guid? except, CancellationToken ct)
    {
        var names = await db.Labels.Where(l => l.Id != except).Select(l => l.Name).ToListAsync(ct);
        if (names.Any(n => string.Equals(n, name, StringComparison.CurrentCultureIgnoreCase)))
            throw new InboxDomainException($"There is a label called {name} already.");
    }

    private Task RecordAsync(string action, Guid id, AuditActor actor, string? ip, CancellationToken ct) =>
        audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), actor, action, AuditSubjects.Label, id.ToString(), ip)], ct);
}
