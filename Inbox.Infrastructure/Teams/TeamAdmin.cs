using Inbox.Core.Common;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Teams;

public sealed record StaffOption(string Id, string Name, string Email);

public sealed record TeamRow(Guid Id, string Name, IReadOnlyList<string> MemberIds, IReadOnlyList<Guid> InboxIds);

/// <param name="AutoAssign">Round-robin on; <paramref name="MaxOpenPerAgent"/> its cap; <paramref name="RequireAssignmentToReply"/> the composer's rule.</param>
/// <param name="CsatEnabled">A satisfaction survey when a conversation is resolved; <paramref name="CsatTemplateName"/> carries it outside WhatsApp's window.</param>
public sealed record InboxRow(Guid Id, string Name, int Accounts, bool AutoAssign = false, int? MaxOpenPerAgent = null, bool RequireAssignmentToReply = false,
    bool CsatEnabled = false, string? CsatTemplateName = null);

/// <summary>What the admin screen does with shared inboxes and teams (who sees which conversations).</summary>
public sealed class TeamAdmin(InboxDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<InboxRow>> InboxesAsync(CancellationToken ct) =>
        await db.SharedInboxes.AsNoTracking().OrderBy(i => i.CreatedAt)
            .Select(i => new InboxRow(i.Id, i.Name, db.ChannelAccounts.Count(a => a.SharedInboxId == i.Id), i.AutoAssign, i.MaxOpenPerAgent, i.RequireAssignmentToReply,
                i.CsatEnabled, i.CsatTemplateName)).ToListAsync(ct);

    /// <summary>Round-robin, its cap of open conversations per person, and "assign before replying", for one inbox.</summary>
    public async Task ConfigureAssignmentAsync(Guid inboxId, bool autoAssign, int? maxOpenPerAgent, bool requireAssignmentToReply, CancellationToken ct)
    {
        var inbox = await db.SharedInboxes.SingleAsync(i => i.Id == inboxId, ct);
        inbox.ConfigureAssignment(autoAssign, maxOpenPerAgent, requireAssignmentToReply);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The satisfaction survey for one inbox: on or off, and the approved WhatsApp template that carries it once the
    /// 24-hour window has closed (none: such surveys are recorded as not sent).
    /// </summary>
    public async Task ConfigureSurveyAsync(Guid inboxId, bool enabled, string? templateName, CancellationToken ct)
    {
        var inbox = await db.SharedInboxes.SingleAsync(i => i.Id == inboxId, ct);
        if (!string.IsNullOrWhiteSpace(templateName) && !(await SurveyTemplatesAsync(ct)).Contains(templateName.Trim()))
            throw new InboxDomainException($"There is no approved template called {templateName.Trim()} without values to fill in. Choose one from the list.");
        inbox.ConfigureCsat(enabled, templateName);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Approved (active) templates that can carry the survey: nothing to fill in, since nobody is there to fill it.</summary>
    public async Task<IReadOnlyList<string>> SurveyTemplatesAsync(CancellationToken ct) =>
        await db.MessageTemplates.AsNoTracking().Where(t => t.IsActive && t.ParameterCount == 0).Select(t => t.Name).Distinct().OrderBy(n => n).ToListAsync(ct);

    public async Task<IReadOnlyList<TeamRow>> TeamsAsync(CancellationToken ct)
    {
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).ToListAsync(ct);
        return teams.Select(t => new TeamRow(t.Id, t.Name, t.Members.Select(m => m.StaffId).ToList(), t.Inboxes.Select(i => i.SharedInboxId).ToList())).ToList();
    }

    public async Task<IReadOnlyList<StaffOption>> StaffAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new StaffOption(u.Id, u.DisplayName, u.Email ?? "")).ToListAsync(ct);

    public async Task<Guid> CreateInboxAsync(string name, CancellationToken ct)
    {
        var inbox = new SharedInbox(name, clock.GetUtcNow());
        if (await db.SharedInboxes.AnyAsync(i => i.Name == inbox.Name, ct)) throw new InboxDomainException($"There is an inbox called {inbox.Name} already.");
        db.SharedInboxes.Add(inbox);
        await db.SaveChangesAsync(ct);
        return inbox.Id;
    }

    public async Task<Guid> CreateTeamAsync(string name, CancellationToken ct)
    {
        var team = new Team(name, clock.GetUtcNow());
        if (await db.Teams.AnyAsync(t => t.Name == team.Name, ct)) throw new InboxDomainException($"There is a team called {team.Name} already.");
        db.Teams.Add(team);
        await db.SaveChangesAsync(ct);
        return team.Id;
    }

    /// <summary>Sets who is in the team and which inboxes it serves, in one save.</summary>
    public async Task UpdateTeamAsync(Guid teamId, IReadOnlyCollection<string> memberIds, IReadOnlyCollection<Guid> inboxIds, CancellationToken ct)
    {
        var team = await db.Teams.SingleAsync(t => t.Id == teamId, ct);
        var knownStaff = await db.Users.Where(u => memberIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        var knownInboxes = await db.SharedInboxes.Where(i => inboxIds.Contains(i.Id)).Select(i => i.Id).ToListAsync(ct);
        foreach (var gone in team.Members.Select(m => m.StaffId).Except(knownStaff).ToList()) team.RemoveMember(gone);
        foreach (var id in knownStaff) team.AddMember(id);
        foreach (var gone in team.Inboxes.Select(i => i.SharedInboxId).Except(knownInboxes).ToList()) team.StopServing(gone);
        foreach (var id in knownInboxes) team.Serve(id);
        await db.SaveChangesAsync(ct);
    }
}
