using System.Diagnostics;
using System.Text.RegularExpressions;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Inbox.Tests.Browser;

/// <summary>A receptionist in a real browser: patient messages arrive live, and the reply reaches the platform.</summary>
public sealed class LiveInboxBrowserTests(BrowserAppFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserAppFixture>
{
    private HttpClient Webhooks => new() { BaseAddress = fixture.BaseAddress };

    private async Task<Guid> ConversationOfAsync(string waId)
    {
        await using var db = fixture.App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        return (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id)).Id;
    }

    [Fact]
    public async Task A_patient_message_appears_live_and_the_reply_goes_out_to_whatsapp()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550300001", "Anna Browser", "Can I move my check-up?"))).EnsureSuccessStatusCode();
        var anna = await ConversationOfAsync("15550300001");

        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{anna}");
        // The send button is enabled once the circuit is interactive: from here on, updates must arrive live.
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("thread").GetByTestId("message")).ToHaveCountAsync(1);

        // A new patient writes: their row appears without a reload.
        var clock = Stopwatch.StartNew();
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550300002", "Chen Live", "Is my report ready?"))).EnsureSuccessStatusCode();
        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = "Chen Live" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        output.WriteLine($"webhook to screen: {clock.ElapsedMilliseconds} ms");
        await Assertions.Expect(row.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await Assertions.Expect(page.GetByTestId("conversation-row").First).ToContainTextAsync("Chen Live");

        // Anna writes again: her open thread appends the message.
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550300001", "Anna Browser", "Thursday would be great"))).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("thread").GetByTestId("message").Last).ToContainTextAsync("Thursday would be great");

        // The receptionist answers; the reply is queued, then sent to the fake Graph API.
        await page.GetByTestId("composer-input").FillAsync("Thursday 10:30 is booked for you.");
        await page.GetByTestId("composer-send").ClickAsync();
        var reply = page.GetByTestId("thread").Locator("[data-testid=message][data-direction=out]").Filter(new() { HasText = "Thursday 10:30 is booked for you." });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "sent");
        Assert.Contains(fixture.Graph.SendBodies(), b => b.GetProperty("to").GetString() == "+15550300001"
            && b.GetProperty("text").GetProperty("body").GetString() == "Thursday 10:30 is booked for you.");
        await Assertions.Expect(page.GetByTestId("composer-input")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task An_empty_reply_shows_a_clear_message_in_the_composer()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550300003", "Empty Reply", "Hello?"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync("15550300003");
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{conversation}");
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();

        await page.GetByTestId("composer-send").ClickAsync();

        await Assertions.Expect(page.GetByTestId("composer-error")).ToContainTextAsync("Write a message before sending.");
    }

    [Fact]
    public async Task The_app_bar_names_the_signed_in_person_and_signs_them_out()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Agent);
        await Assertions.Expect(page.GetByTestId("signed-in-user")).ToHaveTextAsync("Nurse Lee");

        await page.GetByTestId("sign-out").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [Fact]
    public async Task The_inbox_runs_within_its_content_security_policy()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };

        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("conversation-list")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=signed-in-user]') !== null");

        Assert.Empty(violations);
    }

    [Fact]
    public async Task The_inbox_is_only_for_signed_in_staff()
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
    }
}
