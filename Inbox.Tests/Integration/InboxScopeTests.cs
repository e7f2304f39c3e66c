using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Identity;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Teams;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Teams and shared inboxes: a second WhatsApp number feeds a "Nurse line" inbox; the receptionist, whose team
/// serves only the front desk, does not see (or answer) its conversations; the admin sees all.
/// </summary>
public sealed class InboxScopeTests : IAsyncLifetime
{
    private const string NurseNumberId = "109283746509999";
    private const string NurseAppSecret = "fake-second-app-secret-for-tests-only";

    private readonly InboxWebApplicationFactory _app = new(new Dictionary<string, string?>
    {
        ["Channels:WhatsApp:Accounts:0:PhoneNumberId"] = NurseNumberId,
        ["Channels:WhatsApp:Accounts:0:AppSecret"] = NurseAppSecret,
        ["Channels:WhatsApp:Accounts:0:AccessToken"] = "test-token-2",
        ["Channels:WhatsApp:Accounts:0:DisplayName"] = "Nurse line number",
    });

    private Guid _nurseInboxId;

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await using var db = _app.CreateDbContext();
        var nurseLine = new SharedInbox("Nurse line", DateTimeOffset.UtcNow);
        db.SharedInboxes.Add(nurseLine);
        var account = await db.ChannelAccounts.SingleAsync(a => a.AccountId == NurseNumberId);
        account.MoveTo(nurseLine.Id);
        await db.SaveChangesAsync();
        _nurseInboxId = nurseLine.Id;
        await _app.Services.GetRequiredService<ChannelAccountDirectory>().ReloadAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Each_configured_number_is_served_with_its_own_secret_and_feeds_its_own_inbox()
    {
        var client = _app.CreateClient();
        var nurseBody = WhatsAppPayloads.Text("15550100201", "Nina Nurse-Patient", "My wound dressing came off", phoneNumberId: NurseNumberId);
        // A body signed with a secret none of the connected numbers has is refused.
        var forged = await client.PostWhatsAppAsync(System.Text.Encoding.UTF8.GetBytes(nurseBody), SignedWebhooks.MetaSignature(System.Text.Encoding.UTF8.GetBytes(nurseBody), "another-secret"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, forged.StatusCode);

        var bytes = System.Text.Encoding.UTF8.GetBytes(nurseBody);
        (await client.PostWhatsAppAsync(bytes, SignedWebhooks.MetaSignature(bytes, NurseAppSecret))).EnsureSuccessStatusCode();
        (await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550100202", "Fred Front-Desk", "Can I book a check-up?"))).EnsureSuccessStatusCode();

        var inboxes = await Eventually.GetAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return await db.Conversations.Select(c => c.SharedInboxId).ToListAsync();
        }, list => list.Count == 2, because: "both messages are processed");
        Assert.Contains(_nurseInboxId, inboxes);
        Assert.Single(inboxes, id => id != _nurseInboxId);
    }

    [Fact]
    public async Task A_receptionist_sees_only_the_inboxes_her_team_serves_and_cannot_answer_the_others()
    {
        var (frontDesk, nurse) = await TwoConversationsAsync();
        var receptionist = await ScopeOfAsync("reception@demo.clinic", seesAll: false);

        await using var scope = _app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IConversationQueries>();
        var listed = await queries.ListAsync(receptionist, new ConversationFilter(), 50, null, default);
        Assert.Equal([frontDesk.Id], listed.Items.Select(i => i.Id));
        Assert.Null(await queries.GetAsync(receptionist, nurse.Id, default));
        Assert.Empty(await queries.LatestMessagesAsync(receptionist, nurse.Id, 50, default));
        Assert.Null(await queries.ContactAsync(receptionist, nurse.ContactId, default));
        Assert.NotNull(await queries.ContactAsync(receptionist, frontDesk.ContactId, default));

        var sender = scope.ServiceProvider.GetRequiredService<IReplySender>();
        var refused = await sender.QueueAsync(receptionist, nurse.Id, "Hello", null, MessageAuthor.Agent("r", "Rita"), default);
        Assert.Equal(ReplyOutcome.NotFound, refused.Outcome);
    }

    [Fact]
    public async Task Joining_the_team_that_serves_an_inbox_shows_its_conversations_and_an_admin_sees_every_inbox()
    {
        var (_, nurse) = await TwoConversationsAsync();
        await using (var db = _app.CreateDbContext())
        {
            var nurses = new Team("Nurses", DateTimeOffset.UtcNow);
            nurses.Serve(_nurseInboxId);
            nurses.AddMember(await StaffIdAsync("reception@demo.clinic"));
            db.Teams.Add(nurses);
            await db.SaveChangesAsync();
        }
        var receptionist = await ScopeOfAsync("reception@demo.clinic", seesAll: false);
        var admin = await ScopeOfAsync("admin@demo.clinic", seesAll: true);

        await using var scope = _app.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<IConversationQueries>();
        Assert.NotNull(await queries.GetAsync(receptionist, nurse.Id, default));
        Assert.True(admin.SeesAll);
        Assert.Equal(2, (await queries.ListAsync(admin, new ConversationFilter(), 50, null, default)).Items.Count);
    }

    [Fact]
    public async Task Settings_of_an_account_connected_on_the_admin_screen_are_stored_encrypted_and_served()
    {
        var directory = _app.Services.GetRequiredService<ChannelAccountDirectory>();
        var protector = _app.Services.GetRequiredService<ChannelSecretProtector>();
        const string secret = "admin-typed-app-secret-3f9c";
        await using (var db = _app.CreateDbContext())
        {
            var account = new ChannelAccount(ChannelKind.WhatsApp, "109283746507777", "Branch clinic", directory.DefaultInboxId, ChannelAccountSource.Admin, DateTimeOffset.UtcNow);
            account.StoreSecrets(protector.Protect(new Dictionary<string, string> { ["AppSecret"] = secret, ["AccessToken"] = "branch-token" }));
            db.ChannelAccounts.Add(account);
            await db.SaveChangesAsync();
        }
        await directory.ReloadAsync();

        Assert.Equal(secret, directory.Find(ChannelKind.WhatsApp, "109283746507777")?.Find("AppSecret"));
        var stored = await File.ReadAllBytesAsync(_app.DatabasePath);
        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(stored));

        var body = System.Text.Encoding.UTF8.GetBytes(WhatsAppPayloads.Text("15550100203", "Bea Branch", "Hello branch", phoneNumberId: "109283746507777"));
        var response = await _app.CreateClient().PostWhatsAppAsync(body, SignedWebhooks.MetaSignature(body, secret));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<(Conversation FrontDesk, Conversation Nurse)> TwoConversationsAsync()
    {
        var client = _app.CreateClient();
        var nurseBody = System.Text.Encoding.UTF8.GetBytes(WhatsAppPayloads.Text("15550100211", "Nora", "Question for the nurse", phoneNumberId: NurseNumberId));
        (await client.PostWhatsAppAsync(nurseBody, SignedWebhooks.MetaSignature(nurseBody, NurseAppSecret))).EnsureSuccessStatusCode();
        (await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550100212", "Frank", "Question for the desk"))).EnsureSuccessStatusCode();
        var conversations = await Eventually.GetAsync(async () =>
        {
            await using var db = _app.CreateDbContext();
            return await db.Conversations.AsNoTracking().ToListAsync();
        }, list => list.Count == 2, because: "both messages are processed");
        return (conversations.Single(c => c.SharedInboxId != _nurseInboxId), conversations.Single(c => c.SharedInboxId == _nurseInboxId));
    }

    private async Task<string> StaffIdAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    private async Task<InboxScope> ScopeOfAsync(string email, bool seesAll)
    {
        var staffId = await StaffIdAsync(email);
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<InboxScopes>().ForStaffAsync(staffId, seesAll, default);
    }
}
