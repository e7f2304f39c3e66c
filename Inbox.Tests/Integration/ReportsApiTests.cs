using System.Net;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>`GET /api/v1/reports/summary` over real HTTP: the contract's fields, bad input, who may ask.</summary>
public sealed class ReportsApiTests(ReportsApiTests.App app) : IClassFixture<ReportsApiTests.App>, IAsyncLifetime
{
    public sealed class App : InboxWebApplicationFactory;

    // Noon UTC on 3 June 2025 is that date in every zone from UTC-12 to UTC+11, so the test holds whatever the server's zone.
    private static readonly DateTimeOffset Noon = new(2025, 6, 3, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.ConversationEpisodes.AnyAsync(e => e.ResolvedAt == Noon.AddMinutes(30))) return;
        // One thread: wrote at noon, an agent answered 10 minutes later (600 s) and resolved it at 12:30 (1800 s); rated 5.
        var inbox = (await db.SharedInboxes.FirstAsync()).Id;
        var contact = new Contact("Api Patient", null, Noon);
        var identity = contact.AddIdentity(ChannelKind.WhatsApp, "acct", "api-report-patient", "Api Patient", null);
        var conversation = new Conversation(contact.Id, inbox, Noon);
        var inbound = Message.Inbound(conversation.Id, identity.Id, new InboundMessage(ChannelKind.WhatsApp, "acct", Noon,
            new InboundSender("api-report-patient", null, null), "api-report-in", MessageType.Text, "Hello"));
        conversation.RecordInbound(inbound);
        var reply = Message.QueueOutbound(conversation.Id, identity.Id, ChannelKind.WhatsApp, "acct", "Hi", MessageAuthor.Agent("api-agent", "Agent"), Noon.AddMinutes(10));
        conversation.RecordOutbound(reply);
        var episode = conversation.Resolve(Noon.AddMinutes(30), "api-agent");
        var survey = new CsatSurvey(episode, inbox, ChannelKind.WhatsApp, SurveyOutcome.Sent, null, false, episode.ResolvedAt);
        survey.Answer(5, null, Guid.NewGuid(), Noon.AddMinutes(35));
        db.AddRange(contact, identity, conversation, inbound, reply, episode, survey);
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("from=2025-06-03&to=2025-06-03")]
    [InlineData("from=2025-06-03T00:00:00Z&to=2025-06-04T00:00:00Z&channel=whatsapp")]
    public async Task The_summary_answers_the_contracts_fields(string query)
    {
        var json = await app.CreateApiClient().GetOkAsync($"/api/v1/reports/summary?{query}");

        Assert.Equal(["conversations", "messagesIn", "messagesOut", "firstResponseSeconds", "resolutionSeconds", "csat", "botContainmentRate", "handoverRate", "handoverWaitSeconds"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 1, 1), (json.GetProperty("conversations").GetInt32(), json.GetProperty("messagesIn").GetInt32(), json.GetProperty("messagesOut").GetInt32()));
        Assert.Equal((600, 600), (json.GetProperty("firstResponseSeconds").GetProperty("median").GetInt32(), json.GetProperty("firstResponseSeconds").GetProperty("p90").GetInt32()));
        Assert.Equal(1800, json.GetProperty("resolutionSeconds").GetProperty("median").GetInt32());
        var csat = json.GetProperty("csat");
        Assert.Equal(["surveysSent", "responses", "responseRate", "satisfaction", "distribution"], csat.EnumerateObject().Select(p => p.Name));
        Assert.Equal((1, 1, 1.0, 1.0), (csat.GetProperty("surveysSent").GetInt32(), csat.GetProperty("responses").GetInt32(), csat.GetProperty("responseRate").GetDouble(), csat.GetProperty("satisfaction").GetDouble()));
        Assert.Equal([("1", 0), ("2", 0), ("3", 0), ("4", 0), ("5", 1)], csat.GetProperty("distribution").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32())));
        // No bot episode and no handover: the rates and the wait are null, not zero.
        Assert.Equal(JsonValueKind.Null, json.GetProperty("botContainmentRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("handoverRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("handoverWaitSeconds").GetProperty("median").ValueKind);
    }

    [Fact]
    public async Task Filters_narrow_the_summary()
    {
        var client = app.CreateApiClient();
        var line = await client.GetOkAsync("/api/v1/reports/summary?from=2025-06-03&to=2025-06-03&channel=line");
        var someoneElse = await client.GetOkAsync("/api/v1/reports/summary?from=2025-06-03&to=2025-06-03&agentId=nobody");
        var otherTeam = await client.GetOkAsync($"/api/v1/reports/summary?from=2025-06-03&to=2025-06-03&teamId={Guid.NewGuid()}");

        foreach (var json in new[] { line, someoneElse, otherTeam })
        {
            Assert.Equal(0, json.GetProperty("messagesIn").GetInt32());
            Assert.Equal(0, json.GetProperty("csat").GetProperty("responses").GetInt32());
        }
    }

    [Theory]
    [InlineData("from=03/06/2025&to=2025-06-03", "from")]
    [InlineData("from=2025-06-03&to=2025-13-01", "to")]
    [InlineData("from=2025-06-04&to=2025-06-03", "to")]
    [InlineData("from=2025-06-03T00:00:00&to=2025-06-04", "from")]
    [InlineData("from=2024-01-01&to=2025-06-03", "to")]
    [InlineData("channel=fax", "channel")]
    [InlineData("teamId=team-a", "teamId")]
    public async Task Bad_input_answers_400_naming_the_field(string query, string field)
    {
        var response = await app.CreateApiClient().GetAsync($"/api/v1/reports/summary?{query}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData(StaffRole.Receptionist, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Agent, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Supervisor, HttpStatusCode.OK)]
    [InlineData(StaffRole.Admin, HttpStatusCode.OK)]
    public async Task Only_supervisor_and_admin_keys_may_read_reports(StaffRole role, HttpStatusCode expected)
    {
        var (key, secret) = ApiKey.Create($"reports-{role}-{Guid.NewGuid():N}"[..40], role, DateTimeOffset.UtcNow);
        await using (var db = app.CreateDbContext())
        {
            db.Add(key);
            await db.SaveChangesAsync();
        }

        var response = await app.CreateApiClient(secret).GetAsync("/api/v1/reports/summary");

        Assert.Equal(expected, response.StatusCode);
    }
}
