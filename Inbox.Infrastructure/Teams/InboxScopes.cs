using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Teams;

/// <summary>Works out which shared inboxes a staff member sees: those their teams serve (one indexed query).</summary>
public sealed class InboxScopes(InboxDbContext db)
{
    public async Task<InboxScope> ForStaffAsync(string staffId, bool seesAllInboxes, CancellationToken ct)
    {
        if (seesAllInboxes) return InboxScope.All;
        var inboxIds = await (
            from team in db.Teams.AsNoTracking()
            from member in team.Members
            from inbox in team.Inboxes
            where member.StaffId == staffId
            select inbox.SharedInboxId).Distinct().ToListAsync(ct);
        return InboxScope.Only(inboxIds);
    }
}
