using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Teams;

/// <summary>
/// What a fresh installation starts with: one shared inbox ("Front desk") and one team serving it, so the first
/// connected channel and the first staff members work together before anyone designs teams.
/// </summary>
public static class DefaultWorkspace
{
    public const string InboxName = "Front desk";
    public const string TeamName = "Front desk team";

    public static async Task<(SharedInbox Inbox, Team Team)> EnsureAsync(InboxDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var inbox = await db.SharedInboxes.OrderBy(i => i.CreatedAt).FirstOrDefaultAsync(ct);
        if (inbox is null)
        {
            inbox = new SharedInbox(InboxName, now);
            db.SharedInboxes.Add(inbox);
        }
        var team = await db.Teams.OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(ct);
        if (team is null)
        {
            team = new Team(TeamName, now);
            team.Serve(inbox.Id);
            db.Teams.Add(team);
        }
        // The default clinic flow, ready to edit; the bot stays off until an admin has checked it (address, numbers, prices).
        if (!await db.BotFlowVersions.AnyAsync(v => v.SharedInboxId == inbox.Id, ct))
            db.BotFlowVersions.Add(new Inbox.Core.Bot.BotFlowVersion(inbox.Id, 1, Inbox.Core.Bot.DefaultClinicFlow.Create(), null, now));
        await db.SaveChangesAsync(ct);
        return (inbox, team);
    }
}
