using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Infrastructure.Bot;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>/admin/bot's rules: every save a new version, invalid flows refused, a running conversation keeps its version.</summary>
public sealed class BotFlowAdminTests(BotFlowAdminTests.Fixture fixture) : IClassFixture<BotFlowAdminTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture()
        {
            Graph.AcceptAll();
            App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url });
            App.CreateClient().Dispose();
        }

        public void Dispose()
        {
            App.Dispose();
            Graph.Dispose();
        }
    }

    private static readonly AuditActor Admin = new("staff", "admin-1", "Admin");

    [Fact]
    public async Task Saves_are_versions_invalid_flows_are_refused_and_a_running_conversation_keeps_its_version()
    {
        var app = fixture.App;
        Guid inboxId;
        await using (var db = app.CreateDbContext())
        {
            inboxId = (await db.SharedInboxes.OrderBy(i => i.CreatedAt).FirstAsync()).Id;
            // The default clinic flow is seeded, and the bot is off until an admin switches it on.
            Assert.Equal(1, await db.BotFlowVersions.CountAsync(v => v.SharedInboxId == inboxId));
            Assert.False((await db.SharedInboxes.SingleAsync(i => i.Id == inboxId)).BotEnabled);
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<BotFlowAdmin>().SetEnabledAsync(inboxId, true, Admin, CancellationToken.None);

        (await app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text("15550900001", "First", "Hi"))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Graph.SendBodies().Any(b => b.GetProperty("to").GetString() == "+15550900001")), because: "the bot greets with version 1");

        var edited = DefaultClinicFlow.Create();
        edited.Welcome = "Welcome to the edited clinic!";
        var broken = DefaultClinicFlow.Create();
        broken.Menu.Clear();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<BotFlowAdmin>();
            var (refused, errors) = await admin.SaveAsync(inboxId, broken, Admin, CancellationToken.None);
            Assert.Null(refused);
            Assert.Contains(errors.SelectMany(e => e.Value), m => m.Contains("at least one item"));
            var (version, _) = await admin.SaveAsync(inboxId, edited, Admin, CancellationToken.None);
            Assert.Equal(2, version);
        }

        (await app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text("15550900002", "Second", "Hi"))).EnsureSuccessStatusCode();
        var greeting = await Eventually.GetAsync(() => Task.FromResult(fixture.Graph.SendBodies().FirstOrDefault(b => b.GetProperty("to").GetString() == "+15550900002")),
            b => b.ValueKind == System.Text.Json.JsonValueKind.Object, because: "a new conversation runs the new version");
        Assert.StartsWith("Welcome to the edited clinic!", greeting.GetProperty("interactive").GetProperty("body").GetProperty("text").GetString());

        await using var read = app.CreateDbContext();
        var versions = await read.BotFlowVersions.AsNoTracking().Where(v => v.SharedInboxId == inboxId).ToDictionaryAsync(v => v.Version, v => v.Id);
        var first = await read.Conversations.AsNoTracking().Join(read.Contacts.Where(c => c.Phone == "+15550900001"), c => c.ContactId, p => p.Id, (c, _) => c).SingleAsync();
        Assert.Equal(versions[1], first.BotFlowVersionId);
        Assert.Contains(await read.AuditLog.AsNoTracking().Select(a => a.Action).ToListAsync(), a => a == AuditActions.BotFlowSave);
    }
}
