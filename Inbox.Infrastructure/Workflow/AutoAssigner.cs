using System.Collections.Concurrent;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Staff;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Workflow;

/// <summary>Something may need assigning: a patient wrote, a thread was reopened or unassigned, someone came online, settings changed.</summary>
public sealed class AutoAssignWork : WorkSignal;

/// <summary>
/// Round-robin for inboxes with <see cref="SharedInbox.AutoAssign"/>: open, unassigned conversations the bot does not own
/// go to online members of the teams serving the inbox (of the conversation's team, when it has one), below the inbox's
/// cap, in turn (<see cref="RoundRobin"/>). Whose turn it is lives in memory: after a restart the lightest load goes first.
/// </summary>
internal sealed class AutoAssigner(
    IServiceScopeFactory scopes,
    IStaffPresence presence,
    AutoAssignWork work,
    TimeProvider clock,
    ILogger<AutoAssigner> logger) : QueueDrainer(logger)
{
    public static readonly AuditActor Actor = new("system", "round-robin", "Round-robin");
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastAssigned = new();

    protected override string Work => "Round-robin assignment";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => AssignWaitingAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => work.WaitAsync(IdlePoll, ct);

    public async Task<int> AssignWaitingAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var workflow = scope.ServiceProvider.GetRequiredService<IConversationWorkflow>();
        var assigned = 0;
        var inboxes = await db.SharedInboxes.AsNoTracking().Where(i => i.AutoAssign).Select(i => new { i.Id, i.MaxOpenPerAgent }).ToListAsync(ct);
        foreach (var inbox in inboxes)
        {
            // Seeks (AssigneeId, Status, LastMessageAt, Id) with AssigneeId null; oldest waiting first.
            var waiting = await db.Conversations.AsNoTracking()
                .Where(c => c.AssigneeId == null && c.Status == ConversationStatus.Open && c.SharedInboxId == inbox.Id && c.HandledBy == HandledBy.Human
                    && c.MergedIntoConversationId == null)
                .OrderBy(c => c.LastMessageAt).Select(c => new { c.Id, c.AssignedTeamId }).Take(BatchSize).ToListAsync(ct);
            if (waiting.Count == 0) continue;

            var members = await (
                from team in db.Teams.AsNoTracking()
                from member in team.Members
                where team.Inboxes.Any(i => i.SharedInboxId == inbox.Id)
                join user in db.Users on member.StaffId equals user.Id
                where user.DisabledAt == null
                select new { team.Id, member.StaffId }).ToListAsync(ct);
            var people = members.Select(m => m.StaffId).Distinct().ToList();
            if (people.Count == 0) continue;
            var open = await db.Conversations.AsNoTracking()
                .Where(c => c.AssigneeId != null && people.Contains(c.AssigneeId) && c.Status == ConversationStatus.Open && c.MergedIntoConversationId == null)
                .GroupBy(c => c.AssigneeId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

            foreach (var conversation in waiting)
            {
                var pool = conversation.AssignedTeamId is { } teamId ? members.Where(m => m.Id == teamId).Select(m => m.StaffId).Distinct() : people;
                var loads = pool.Select(p => new AgentLoad(p, presence.Of(p) == PresenceStatus.Online, open.GetValueOrDefault(p),
                    _lastAssigned.TryGetValue(p, out var at) ? at : null));
                if (RoundRobin.Pick(loads, inbox.MaxOpenPerAgent) is not { } pick) continue;
                await workflow.AssignAsync(InboxScope.All, conversation.Id, pick, conversation.AssignedTeamId, new WorkflowActor(Actor, null, null), ct);
                open[pick] = open.GetValueOrDefault(pick) + 1;
                _lastAssigned[pick] = clock.GetUtcNow();
                assigned++;
            }
        }
        return assigned;
    }
}

/// <summary>Until the web app tracks presence (<see cref="IStaffPresence"/>), nobody is online: nothing is auto-assigned.</summary>
internal sealed class NobodyOnline : IStaffPresence
{
    public PresenceStatus Of(string staffId) => PresenceStatus.Offline;
    public PresenceChoice ChoiceOf(string staffId) => PresenceChoice.Automatic;
    public void Choose(string staffId, PresenceChoice choice) { }
}
