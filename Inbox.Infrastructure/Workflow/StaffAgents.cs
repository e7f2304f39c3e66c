using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Workflow;

public sealed record AgentRow(string Id, string Name, string? Role, IReadOnlyList<string> Teams);

public sealed record AssigneeOption(string Id, string Name);

public sealed record TeamOption(Guid Id, string Name);

/// <summary>Staff as the assignment menus and `GET /api/v1/agents` list them (presence is added by the caller, who tracks it).</summary>
public sealed class StaffAgents(InboxDbContext db)
{
    public async Task<IReadOnlyList<AgentRow>> ActiveAsync(CancellationToken ct)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var teams = await (from t in db.Teams.AsNoTracking() from m in t.Members select new { m.StaffId, t.Name }).ToListAsync(ct);
        return users.Select(u => new AgentRow(u.Id, u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name,
            teams.Where(t => t.StaffId == u.Id).Select(t => t.Name).Order().ToList())).ToList();
    }

    /// <summary>Every enabled staff member by display name, in one query (the assignee filter).</summary>
    public async Task<IReadOnlyList<AssigneeOption>> NamesAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName)
            .Select(u => new AssigneeOption(u.Id, u.DisplayName)).ToListAsync(ct);

    /// <summary>Who a conversation of this inbox can be given to: members of teams serving it, and people whose role sees every inbox.</summary>
    public async Task<IReadOnlyList<AssigneeOption>> AssignableAsync(Guid sharedInboxId, CancellationToken ct)
    {
        var seesAll = RolePermissions.RolesWith(Permission.SeeAllInboxes).Select(r => r.ToString()).ToList();
        var members = from t in db.Teams where t.Inboxes.Any(i => i.SharedInboxId == sharedInboxId) from m in t.Members select m.StaffId;
        var wide = from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where seesAll.Contains(r.Name!) select ur.UserId;
        return await db.Users.AsNoTracking()
            .Where(u => u.DisabledAt == null && (members.Contains(u.Id) || wide.Contains(u.Id)))
            .OrderBy(u => u.DisplayName).Select(u => new AssigneeOption(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TeamOption>> TeamsServingAsync(Guid sharedInboxId, CancellationToken ct) =>
        await db.Teams.AsNoTracking().Where(t => t.Inboxes.Any(i => i.SharedInboxId == sharedInboxId)).OrderBy(t => t.Name)
            .Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);

    public async Task<IReadOnlyList<TeamOption>> AllTeamsAsync(CancellationToken ct) =>
        await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name)).ToListAsync(ct);
}
