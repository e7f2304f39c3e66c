using System.Net;
using System.Net.Http.Json;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Labels;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class ConversationWorkflowApiTests(ConversationWorkflowApiTests.App app) : IClassFixture<ConversationWorkflowApiTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private readonly HttpClient _api = app.CreateApiClient();

    private static string Phone() => $"1555{Random.Shared.Next(1000000, 9999999)}";

    [Fact]
    public async Task Resolve_then_resolve_again_answers_409_and_reopen_brings_it_back_recording_the_episode()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Rosa Lima", "Thanks, all clear");

        var resolved = await _api.PostAsync($"/api/v1/conversations/{id}/resolve", null);
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        Assert.Equal("resolved", (await resolved.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetString());

        var again = await _api.PostAsync($"/api/v1/conversations/{id}/resolve", null);
        var problem = await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("already resolved", problem.GetProperty("title").GetString());

        var reopened = await _api.PostAsync($"/api/v1/conversations/{id}/reopen", null);
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        var reopenAgain = await _api.PostAsync($"/api/v1/conversations/{id}/reopen", null);
        await reopenAgain.ProblemAsync(HttpStatusCode.Conflict);

        await using var db = app.CreateDbContext();
        var episode = Assert.Single(await db.ConversationEpisodes.Where(e => e.ConversationId == id).ToListAsync());
        Assert.StartsWith("api-key:", episode.ResolvedBy);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
        Assert.True(conversation.OpenedAt >= episode.ResolvedAt, "reopening starts a new episode");
        var lines = await db.Messages.Where(m => m.ConversationId == id && m.Type == MessageType.System).Select(m => m.Text).ToListAsync();
        Assert.Contains(lines, l => l!.StartsWith("Resolved by"));
        Assert.Contains(lines, l => l!.StartsWith("Reopened by"));
        var actions = await db.AuditLog.Where(a => a.SubjectId == id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.ConversationResolve, actions);
        Assert.Contains(AuditActions.ConversationReopen, actions);
    }

    [Fact]
    public async Task Unknown_conversations_answer_404_on_every_change()
    {
        var missing = Guid.NewGuid();
        foreach (var path in new[] { "resolve", "reopen", "pending", "snooze" })
            await (await _api.PostAsync($"/api/v1/conversations/{missing}/{path}", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await _api.PostAsJsonAsync($"/api/v1/conversations/{missing}/assign", new { agentId = (string?)null })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Assign_to_an_agent_then_unassign_with_null_filters_and_lines_follow()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Chen Wei", "Can I book for Friday?");
        var lee = await StaffAccounts.IdOfAsync(app, StaffSignIn.Receptionist);

        var assigned = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { agentId = lee });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal(lee, (await assigned.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("assigneeId").GetString());
        Assert.Contains(id.ToString(), (await _api.GetOkAsync($"/api/v1/conversations?assigneeId={lee}&status=open")).Ids());
        Assert.DoesNotContain(id.ToString(), (await _api.GetOkAsync("/api/v1/conversations?unassigned=true&limit=200")).Ids());

        var unassigned = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { agentId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, unassigned.StatusCode);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await unassigned.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("assigneeId").ValueKind);

        await using var db = app.CreateDbContext();
        var lines = await db.Messages.Where(m => m.ConversationId == id && m.Type == MessageType.System).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync();
        Assert.Equal(2, lines.Count);
        Assert.EndsWith("assigned this to Rita Reception", lines[0]);
        Assert.EndsWith("unassigned this", lines[1]);
        // A workflow line never moves the conversation in the list or replaces its preview.
        Assert.Equal("Can I book for Friday?", (await db.Conversations.SingleAsync(c => c.Id == id)).LastMessagePreview);
    }

    [Fact]
    public async Task Assigning_someone_unknown_is_a_400_naming_the_field()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Budi Santoso", "Hello");
        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { agentId = "nobody" });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("agentId", out _));
    }

    [Fact]
    public async Task Labels_put_replaces_the_set_by_name_and_the_list_shows_and_filters_them()
    {
        await using (var db = app.CreateDbContext())
        {
            if (!await db.Labels.AnyAsync(l => l.Name == "Billing"))
            {
                db.Labels.Add(new Label("Billing", "#e53935", DateTimeOffset.UtcNow));
                db.Labels.Add(new Label("New patient", "#1e88e5", DateTimeOffset.UtcNow));
                await db.SaveChangesAsync();
            }
        }
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Ana Souza", "How much is a check-up?");

        var put = await _api.PutAsJsonAsync($"/api/v1/conversations/{id}/labels", new { labels = new[] { "billing", "New patient" } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var labels = (await put.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList();
        Assert.Equal(["Billing", "New patient"], labels);

        var billing = await _api.GetOkAsync("/api/v1/conversations?label=Billing&limit=200");
        Assert.Contains(id.ToString(), billing.Ids());

        var replaced = await _api.PutAsJsonAsync($"/api/v1/conversations/{id}/labels", new { labels = new[] { "New patient" } });
        Assert.Equal(["New patient"], (await replaced.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.DoesNotContain(id.ToString(), (await _api.GetOkAsync("/api/v1/conversations?label=Billing&limit=200")).Ids());

        var unknown = await _api.PutAsJsonAsync($"/api/v1/conversations/{id}/labels", new { labels = new[] { "Nope" } });
        var problem = await unknown.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("labels", out _));
    }

    [Fact]
    public async Task Snooze_into_the_past_is_409_and_a_timed_snooze_shows_its_wake_time()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Siti Rahma", "I will send the results later");
        await (await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/snooze", new { until = DateTime.UtcNow.AddHours(-1) })).ProblemAsync(HttpStatusCode.Conflict);

        var until = DateTime.UtcNow.AddDays(1);
        var snoozed = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/snooze", new { until });
        Assert.Equal(HttpStatusCode.OK, snoozed.StatusCode);
        var body = await snoozed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("snoozed", body.GetProperty("status").GetString());
        Assert.InRange(body.GetProperty("snoozedUntil").GetDateTime(), until.AddSeconds(-1), until.AddSeconds(1));

        // A resolved conversation cannot be snoozed.
        await _api.PostAsync($"/api/v1/conversations/{id}/resolve", null);
        await (await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/snooze", new { until })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Priority_changes_and_filters()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Dewi Lestari", "Chest pain since this morning");
        var urgent = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/priority", new { priority = "urgent" });
        Assert.Equal("urgent", (await urgent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("priority").GetString());
        Assert.Contains(id.ToString(), (await _api.GetOkAsync("/api/v1/conversations?priority=urgent&limit=200")).Ids());
        await (await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/priority", new { priority = "extreme" })).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Agents_lists_active_staff_with_teams_and_online()
    {
        var agents = await _api.GetOkAsync("/api/v1/agents");
        var rita = agents.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "Rita Reception");
        Assert.Equal("receptionist", rita.GetProperty("role").GetString());
        Assert.False(rita.GetProperty("online").GetBoolean()); // no open inbox page
        Assert.Equal(System.Text.Json.JsonValueKind.Array, rita.GetProperty("teams").ValueKind);
    }

    [Fact]
    public async Task An_inbox_that_requires_assignment_refuses_replies_to_unassigned_threads_with_409()
    {
        var id = await app.ReceiveWhatsAppAsync(Phone(), "Maria Santos", "Is the clinic open on Sunday?");
        await using (var db = app.CreateDbContext())
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id);
            var inbox = await db.SharedInboxes.SingleAsync(i => i.Id == conversation.SharedInboxId);
            inbox.ConfigureAssignment(autoAssign: false, maxOpenPerAgent: null, requireAssignmentToReply: true);
            await db.SaveChangesAsync();
        }
        try
        {
            var refused = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Yes, 9 to 12." });
            var problem = await refused.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Contains("assigned", problem.GetProperty("title").GetString());

            var lee = await StaffAccounts.IdOfAsync(app, StaffSignIn.Receptionist);
            await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/assign", new { agentId = lee });
            var sent = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Yes, 9 to 12." });
            Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        }
        finally
        {
            await using var db = app.CreateDbContext();
            foreach (var inbox in await db.SharedInboxes.ToListAsync()) inbox.ConfigureAssignment(false, null, false);
            await db.SaveChangesAsync();
        }
    }
}
