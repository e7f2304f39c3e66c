using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Inbox.Core.Audit;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Workflow;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>The round-robin job end to end: new conversations go to online team members, never past the cap; a person coming online takes the waiting ones.</summary>
public sealed class RoundRobinAssignmentTests
{
    private sealed class SwitchablePresence : IStaffPresence
    {
        public ConcurrentDictionary<string, PresenceStatus> Status { get; } = new();
        public PresenceStatus Of(string staffId) => Status.GetValueOrDefault(staffId, PresenceStatus.Offline);
        public PresenceChoice ChoiceOf(string staffId) => PresenceChoice.Automatic;
        public void Choose(string staffId, PresenceChoice choice) { }
    }

    [Fact]
    public async Task Online_members_get_new_conversations_up_to_the_cap_and_the_rest_wait_for_someone_to_come_online()
    {
        var presence = new SwitchablePresence();
        using var app = new InboxWebApplicationFactory(services: s => s.AddSingleton<IStaffPresence>(presence));
        var rita = await StaffAccounts.IdOfAsync(app, StaffSignIn.Receptionist);
        var agent = await StaffAccounts.IdOfAsync(app, StaffSignIn.Agent);
        await using (var db = app.CreateDbContext())
        {
            var inbox = await db.SharedInboxes.SingleAsync();
            inbox.ConfigureAssignment(autoAssign: true, maxOpenPerAgent: 1, requireAssignmentToReply: false);
            await db.SaveChangesAsync();
        }
        presence.Status[rita] = PresenceStatus.Online;

        var first = await app.ReceiveWhatsAppAsync("15550401001", "Anna Müller", "Can I move my appointment?");
        await Eventually.TrueAsync(async () => await AssigneeAsync(app, first) == rita, because: "the only online member takes the first conversation");

        var second = await app.ReceiveWhatsAppAsync("15550401002", "Budi Santoso", "Is the lab open?");
        // Rita is at her cap and the agent is offline: the second one waits. Proved by a pass of the job itself, not by waiting.
        await app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AutoAssigner>().Single().AssignWaitingAsync(CancellationToken.None);
        Assert.Null(await AssigneeAsync(app, second));

        presence.Status[agent] = PresenceStatus.Online;
        app.Services.GetRequiredService<AutoAssignWork>().Pulse();
        await Eventually.TrueAsync(async () => await AssigneeAsync(app, second) == agent, because: "the agent came online below the cap");

        await using var check = app.CreateDbContext();
        var line = await check.Messages.Where(m => m.ConversationId == second && m.Type == Inbox.Core.Conversations.MessageType.System).Select(m => m.Text).SingleAsync();
        Assert.StartsWith("Round-robin assigned this to", line);
    }

    [Fact]
    public async Task A_thread_folded_by_a_contact_merge_is_neither_changed_nor_auto_assigned()
    {
        var presence = new SwitchablePresence();
        using var app = new InboxWebApplicationFactory(services: s => s.AddSingleton<IStaffPresence>(presence));
        var rita = await StaffAccounts.IdOfAsync(app, StaffSignIn.Receptionist);
        await using (var db = app.CreateDbContext())
        {
            var inbox = await db.SharedInboxes.SingleAsync();
            inbox.ConfigureAssignment(autoAssign: true, maxOpenPerAgent: 10, requireAssignmentToReply: false);
            await db.SaveChangesAsync();
        }
        // Nobody online yet: both threads wait unassigned, then the merge folds the second into the first.
        var kept = await app.ReceiveWhatsAppAsync("15550401011", "Ana Souza", "Hello");
        var folded = await app.ReceiveWhatsAppAsync("15550401012", "Ana Souza", "Hello again from my other number");
        Guid keptContact, foldedContact;
        await using (var db = app.CreateDbContext())
        {
            keptContact = await db.Conversations.Where(c => c.Id == kept).Select(c => c.ContactId).SingleAsync();
            foldedContact = await db.Conversations.Where(c => c.Id == folded).Select(c => c.ContactId).SingleAsync();
        }
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var merge = await scope.ServiceProvider.GetRequiredService<IContactMerger>().MergeAsync(InboxScope.All,
                new MergeRequest(keptContact, foldedContact, null), new AuditActor("staff", rita, "Rita"), default);
            Assert.Equal(MergeOutcome.Merged, merge.Outcome);
        }

        var api = app.CreateApiClient();
        await (await api.PostAsync($"/api/v1/conversations/{folded}/resolve", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await api.PostAsJsonAsync($"/api/v1/conversations/{folded}/assign", new { agentId = rita })).ProblemAsync(HttpStatusCode.NotFound);

        presence.Status[rita] = PresenceStatus.Online;
        await app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<AutoAssigner>().Single().AssignWaitingAsync(CancellationToken.None);
        Assert.Equal(rita, await AssigneeAsync(app, kept));
        Assert.Null(await AssigneeAsync(app, folded));
        await using var check = app.CreateDbContext();
        Assert.Equal(ConversationStatus.Open, await check.Conversations.Where(c => c.Id == folded).Select(c => c.Status).SingleAsync());
    }

    private static async Task<string?> AssigneeAsync(InboxWebApplicationFactory app, Guid id)
    {
        await using var db = app.CreateDbContext();
        return await db.Conversations.Where(c => c.Id == id).Select(c => c.AssigneeId).SingleAsync();
    }
}
