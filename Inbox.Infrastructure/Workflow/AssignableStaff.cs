using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Workflow;

/// <summary>Who may be given a conversation: active staff who can see its inbox (a team serving it, or a role that sees all inboxes).</summary>
internal sealed class AssignableStaff(InboxDbContext db)
{
    public async Task<string?> NameIfAssignableAsync(string staffId, Guid sharedInboxId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == staffId && u.DisabledAt == null).Select(u => new { u.DisplayName }).FirstOrDefaultAsync(ct);
        if (user is null) return null;
        var seesAll = RolePermissions.RolesWith(Permission.SeeAllInboxes).Select(r => r.ToString()).ToList();
        var allowed = await db.Teams.AsNoTracking().AnyAsync(t => t.Members.Any(m => m.StaffId == staffId) && t.Inboxes.Any(i => i.SharedInboxId == sharedInboxId), ct)
            || await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == staffId && seesAll.Contains(r.Name!) select r).AnyAsync(ct);
        return allowed ? user.DisplayName : null;
    }
}
