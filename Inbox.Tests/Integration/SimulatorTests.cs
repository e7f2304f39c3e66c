using Inbox.Core.Channels;
using Inbox.Tests.Support;
using Inbox.Web.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

public sealed class SimulatorTests
{
    [Fact]
    public async Task The_WhatsApp_simulator_posts_a_signed_webhook_that_becomes_a_patient_message()
    {
        using var app = new InboxWebApplicationFactory().StartKestrel();
        var simulator = app.Services.GetServices<IChannelSimulator>().Single(s => s.Channel == ChannelKind.WhatsApp);

        var result = await simulator.SendTextAsync(new SimulatedPatient("Rosa Lima", "5511955501234", "5511955501234"), "Is the clinic open on Saturday?", CancellationToken.None);

        Assert.True(result.Accepted, result.Summary);
        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(
            () => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Text == "Is the clinic open on Saturday?"), m => m is not null);
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Phone == "+5511955501234");
        Assert.Equal("Rosa Lima", contact.Name);
        Assert.Single(await simulator.PatientsAsync(CancellationToken.None), p => p.Phone == "5511955501234");
    }

    [Fact]
    public async Task The_Messenger_simulator_posts_a_signed_page_webhook_from_the_patients_psid()
    {
        using var app = new InboxWebApplicationFactory().StartKestrel();
        var simulator = app.Services.GetServices<IChannelSimulator>().Single(s => s.Channel == ChannelKind.Messenger);

        var result = await simulator.SendTextAsync(new SimulatedPatient("Noa Levi", "6453728190012345", "6453728190012345"), "Can I bring my son along?", CancellationToken.None);

        Assert.True(result.Accepted, result.Summary);
        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(
            () => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Text == "Can I bring my son along?"), m => m is not null);
        Assert.Equal(ChannelKind.Messenger, message!.Channel);
        Assert.Equal(InboxWebApplicationFactory.MessengerPageId, message.AccountId);
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.Id == message.ChannelIdentityId);
        Assert.Equal("6453728190012345", identity.ExternalId);
        Assert.Single(await simulator.PatientsAsync(CancellationToken.None), p => p.ExternalId == "6453728190012345");
    }

    [Fact]
    public async Task The_LINE_simulator_posts_a_signed_webhook_with_a_fresh_reply_token_that_becomes_a_patient_message()
    {
        using var app = new InboxWebApplicationFactory().StartKestrel();
        var simulator = app.Services.GetServices<IChannelSimulator>().Single(s => s.Channel == ChannelKind.Line);

        var result = await simulator.SendTextAsync(new SimulatedPatient("Sora Tanaka", "819055501234", "819055501234"), "Can I come in on Friday?", CancellationToken.None);
        var again = await simulator.SendTextAsync(new SimulatedPatient("Sora Tanaka", "819055501234", "819055501234"), "At 10:30?", CancellationToken.None);

        Assert.True(result.Accepted, result.Summary);
        Assert.True(again.Accepted, again.Summary);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "At 10:30?"));
        var messages = await db.Messages.AsNoTracking().Where(m => m.Channel == ChannelKind.Line).ToListAsync();
        Assert.Equal(2, messages.Select(m => m.ProviderMessageId).Distinct().Count());
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.Channel == ChannelKind.Line);
        Assert.Equal("U00000000000000000000819055501234", identity.ExternalId);
        Assert.Matches("^[0-9a-f]{32}$", identity.ReplyToken);
        var patient = Assert.Single(await simulator.PatientsAsync(CancellationToken.None));
        Assert.Equal("819055501234", patient.Phone);
        Assert.Equal(identity.ExternalId, patient.ExternalId);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_simulator_and_its_page_is_not_found()
    {
        using var app = new ProductionApp();
        Assert.Empty(app.Services.GetServices<IChannelSimulator>());
        // Production seeds no demo users: create one to look with.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Inbox.Infrastructure.Identity.StaffUser>>();
            var user = new Inbox.Infrastructure.Identity.StaffUser { UserName = StaffSignIn.Admin, Email = StaffSignIn.Admin, DisplayName = "Ada" };
            Assert.True((await users.CreateAsync(user, InboxWebApplicationFactory.DemoPassword)).Succeeded);
            await users.AddToRoleAsync(user, "Admin");
        }
        var client = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Admin);

        var response = await client.GetAsync("/dev/simulator");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("sim-send", await response.Content.ReadAsStringAsync());
    }

    // Production would send this admin to set up two-factor first; the page itself is what is under test.
    private sealed class ProductionApp() : InboxWebApplicationFactory(new Dictionary<string, string?> { ["Security:RequireTwoFactorForAdmins"] = "false" })
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
        }
    }
}
