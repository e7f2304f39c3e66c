using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>Two receptionists in two browsers on the same thread, and a page that loses its connection.</summary>
public sealed class CollaborationBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private HttpClient Webhooks => new() { BaseAddress = fixture.BaseAddress };

    private async Task<Guid> ConversationOfAsync(string waId)
    {
        await using var db = fixture.App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        return (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id)).Id;
    }

    private async Task<IPage> OpenAsync(string email, Guid conversation)
    {
        var page = await fixture.SignInAsync(email, $"/conversations/{conversation}");
        // Interactive from here on: presence is only announced by a live circuit.
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();
        return page;
    }

    [Fact]
    public async Task Two_receptionists_see_each_other_viewing_see_typing_and_are_warned_of_the_others_reply()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800001", "Mia Shared", "Can someone confirm my booking?"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync("15550800001");

        var rita = await OpenAsync(StaffSignIn.Receptionist, conversation);
        var lee = await OpenAsync(StaffSignIn.Agent, conversation);

        await Assertions.Expect(rita.GetByTestId("presence-viewer")).ToHaveAttributeAsync("data-name", "Nurse Lee");
        await Assertions.Expect(lee.GetByTestId("presence-viewer")).ToHaveAttributeAsync("data-name", "Rita Reception");

        await lee.GetByTestId("composer-input").PressSequentiallyAsync("Yes, Thursday");
        await Assertions.Expect(rita.GetByTestId("typing-indicator")).ToHaveTextAsync("Nurse Lee is typing…");

        // Rita starts her own answer; Lee sends first: Rita is told before she sends.
        await rita.GetByTestId("composer-input").FillAsync("Confirmed for Thursday 9:00");
        await lee.GetByTestId("composer-send").ClickAsync();
        await Assertions.Expect(rita.GetByTestId("composer-collision")).ToContainTextAsync("Nurse Lee replied");
        await Assertions.Expect(rita.GetByTestId("typing-indicator")).ToHaveTextAsync("");

        // Lee goes back to the list: Rita no longer sees him in the thread.
        await lee.EvaluateAsync("() => Blazor.navigateTo('/')");
        await Assertions.Expect(rita.GetByTestId("presence-viewer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_note_with_a_mention_shows_in_both_threads_and_rings_the_colleagues_bell()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800002", "Noah Noted", "I have a question about my bill"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync("15550800002");
        var lee = await fixture.SignInAsync(StaffSignIn.Agent, "/");
        await Assertions.Expect(lee.GetByTestId("mention-bell")).ToBeVisibleAsync();
        var rita = await OpenAsync(StaffSignIn.Receptionist, conversation);

        await rita.GetByTestId("composer-mode-note").ClickAsync();
        await rita.GetByTestId("composer-input").PressSequentiallyAsync("@Nurse L");
        await rita.GetByTestId("composer-suggestion").Filter(new() { HasText = "Nurse Lee" }).ClickAsync();
        // The pick is applied by the server; typing on before it reaches the page would extend the old text.
        await Assertions.Expect(rita.GetByTestId("composer-input")).ToHaveValueAsync("@Nurse Lee ");
        await rita.GetByTestId("composer-input").PressSequentiallyAsync("billing question for you");
        await rita.GetByTestId("composer-send").ClickAsync();

        await Assertions.Expect(rita.GetByTestId("note")).ToContainTextAsync("@Nurse Lee billing question for you");
        await Assertions.Expect(lee.GetByTestId("mention-count")).ToHaveTextAsync("1");
        await lee.GetByTestId("mention-bell").ClickAsync();
        await lee.GetByTestId("mention-item").First.ClickAsync();
        await Assertions.Expect(lee.GetByTestId("note")).ToContainTextAsync("billing question for you");
        await Assertions.Expect(lee.GetByTestId("mention-count")).ToHaveCountAsync(0);
        Assert.DoesNotContain(fixture.Graph.SendBodies(), b => b.GetProperty("to").GetString() == "+15550800002");
    }

    [Fact]
    public async Task After_the_connection_drops_messages_that_arrived_meanwhile_appear_once_without_a_reload()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800003", "Ravi Reconnect", "First message"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync("15550800003");
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{conversation}");
        // Keep hold of the page's WebSockets so the test can cut the circuit's connection like a network drop would.
        await page.Context.AddInitScriptAsync("""
            (() => { const Native = window.WebSocket; window.__sockets = [];
              window.WebSocket = class extends Native { constructor(...args) { super(...args); window.__sockets.push(this); } }; })();
            """);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();
        await page.EvaluateAsync("() => window.__marker = 'same page'");

        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close())");
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800003", "Ravi Reconnect", "Written while you were offline"))).EnsureSuccessStatusCode();
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800003", "Ravi Reconnect", "And one more"))).EnsureSuccessStatusCode();

        var messages = page.GetByTestId("thread").GetByTestId("message");
        await Assertions.Expect(messages).ToHaveCountAsync(3);
        await Assertions.Expect(messages.Filter(new() { HasText = "And one more" })).ToHaveCountAsync(1);
        await Assertions.Expect(messages.Filter(new() { HasText = "Written while you were offline" })).ToHaveCountAsync(1);
        Assert.Equal("same page", await page.EvaluateAsync<string>("() => window.__marker")); // caught up without a reload
        // And it is live again.
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800003", "Ravi Reconnect", "Back online"))).EnsureSuccessStatusCode();
        await Assertions.Expect(messages).ToHaveCountAsync(4);
    }

    [Fact]
    public async Task Search_finds_a_message_and_opens_its_thread_at_it()
    {
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550800004", "Sofia Search", "My prescription for amoxicillin ran out"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync("15550800004");
        var page = await OpenAsync(StaffSignIn.Receptionist, conversation);

        await page.Keyboard.PressAsync("?");
        await Assertions.Expect(page.GetByTestId("shortcut-overlay")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("shortcut-overlay")).ToHaveCountAsync(0);
        await page.Keyboard.PressAsync("Control+k");
        await Assertions.Expect(page.GetByTestId("search-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("amoxi");
        var hit = page.GetByTestId("search-message").Filter(new() { HasText = "Sofia Search" });
        await Assertions.Expect(hit.Locator("mark")).ToHaveTextAsync("amoxicillin");
        await hit.ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/conversations/{conversation}\\?message="));
        await Assertions.Expect(page.Locator(".message.focused")).ToContainTextAsync("amoxicillin");
    }
}
