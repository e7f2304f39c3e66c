using Inbox.Core.Channels;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>A receptionist answers a Messenger patient in a real browser: the name, the reply and its receipts arrive live.</summary>
public sealed class MessengerBrowserTests(MessengerBrowserTests.Fixture fixture) : IClassFixture<MessengerBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserAppFixture, IDisposable
    {
        public FakeMessengerApi Messenger { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Channels:Messenger:GraphApiBaseUrl"] = Messenger.Url };

        public void Dispose() => Messenger.Dispose();
    }

    private const string Psid = "6843210987650001";

    [Fact]
    public async Task A_messenger_patient_gets_their_profile_name_and_the_reply_goes_out_and_is_read()
    {
        fixture.Messenger.AcceptAll();
        fixture.Messenger.Profile(Psid, 200, Fixtures.Text("messenger/messenger-user-profile-response.json").Replace("6843210987654321", Psid));
        var webhooks = new HttpClient { BaseAddress = fixture.BaseAddress };
        (await webhooks.PostMessengerAsync(MessengerPayloads.Text(Psid, "Do you have openings tomorrow?"))).EnsureSuccessStatusCode();
        Guid conversation;
        await using (var db = fixture.App.CreateDbContext())
        {
            var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.Channel == ChannelKind.Messenger && i.ExternalId == Psid), i => i is not null);
            conversation = await Eventually.GetAsync(() => db.Conversations.Where(c => c.ContactId == identity!.ContactId).Select(c => c.Id).FirstOrDefaultAsync(), id => id != Guid.Empty);
        }

        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{conversation}");
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();
        // Messenger sends no name: the User Profile API supplies it, and the list shows it (live, if it comes after the page loaded).
        await Assertions.Expect(page.GetByTestId("conversation-row").Filter(new() { HasText = "Jordan Lee" })).ToBeVisibleAsync();

        await page.GetByTestId("composer-input").FillAsync("Yes, 08:15 tomorrow is free.");
        await page.GetByTestId("composer-send").ClickAsync();
        var reply = page.GetByTestId("thread").Locator("[data-testid=message][data-direction=out]").Filter(new() { HasText = "Yes, 08:15 tomorrow is free." });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "sent");
        var body = Assert.Single(fixture.Messenger.SendBodies(), b => b.GetProperty("recipient").GetProperty("id").GetString() == Psid);
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.Equal("Yes, 08:15 tomorrow is free.", body.GetProperty("message").GetProperty("text").GetString());

        // The patient opens Messenger: the read watermark moves the reply to read, live.
        (await webhooks.PostMessengerAsync(MessengerPayloads.Read(Psid, DateTimeOffset.UtcNow.AddSeconds(1)))).EnsureSuccessStatusCode();
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "read");
    }

    [Fact]
    public async Task The_simulator_plays_a_messenger_patient_by_psid()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, "/dev/simulator");
        await Assertions.Expect(page.GetByTestId("sim-send")).ToBeEnabledAsync();

        await page.Locator(".mud-select").First.Locator(".mud-input").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Messenger" }).ClickAsync();
        await Assertions.Expect(page.Locator(".mud-select").First.Locator("input")).ToHaveValueAsync("Messenger");
        await page.GetByTestId("sim-name").FillAsync("Sim Messenger");
        await page.GetByTestId("sim-phone").FillAsync("6843210987");
        await page.GetByTestId("sim-text").FillAsync("Written in the simulator");
        await page.GetByTestId("sim-send").ClickAsync();

        await Assertions.Expect(page.GetByTestId("sim-result")).ToContainTextAsync("/webhooks/messenger");
        await using var db = fixture.App.CreateDbContext();
        var message = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Text == "Written in the simulator"), m => m is not null);
        Assert.Equal(ChannelKind.Messenger, message!.Channel);
        Assert.True(await db.ChannelIdentities.AnyAsync(i => i.Id == message.ChannelIdentityId && i.ExternalId == "6843210987"));
    }
}
