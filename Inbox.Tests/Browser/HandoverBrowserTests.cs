using System.Text.RegularExpressions;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Bot;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>An agent in a real browser: a patient asks the bot for a person, the handover arrives live in the queue, the agent takes it and answers.</summary>
public sealed class HandoverBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private HttpClient Webhooks => new() { BaseAddress = fixture.BaseAddress };

    private async Task EnableBotAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Inbox.Infrastructure.Persistence.InboxDbContext>();
        var inbox = await db.SharedInboxes.OrderBy(i => i.CreatedAt).FirstAsync();
        await scope.ServiceProvider.GetRequiredService<BotFlowAdmin>().SetEnabledAsync(inbox.Id, true, new AuditActor("system", "test", "Test"), CancellationToken.None);
    }

    private async Task<List<Message>> BotMessagesOfAsync(string waId)
    {
        await using var db = fixture.App.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Phone == "+" + waId);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact.Id);
        return await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversation.Id && m.AuthorKind == AuthorKind.Bot).ToListAsync();
    }

    private async Task BotIsIdleAsync()
    {
        await using var db = fixture.App.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.RawWebhookEvents.AnyAsync(e => e.ProcessedAt == null) && !await db.PendingBotTurns.AnyAsync(),
            because: "every webhook is processed and the bot has taken its turns");
    }

    [Fact]
    public async Task A_handover_appears_live_the_agent_takes_it_sees_the_summary_replies_and_the_bot_stays_silent()
    {
        const string waId = "15550800001";
        await EnableBotAsync();
        var page = await fixture.SignInAsync(StaffSignIn.Agent, "/handovers");
        await Assertions.Expect(page.GetByTestId("handover-page")).ToHaveAttributeAsync("data-live", "true");

        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Priya Handover", "Hello"))).EnsureSuccessStatusCode();
        await BotIsIdleAsync();
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Priya Handover", "Please let me talk to a person"))).EnsureSuccessStatusCode();

        var row = page.GetByTestId("handover-row").Filter(new() { HasText = "Priya Handover" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("handover-row-reason")).ToHaveTextAsync("Asked for: Talk to a person");

        await row.GetByTestId("handover-take").ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/conversations/"));
        await Assertions.Expect(page.GetByTestId("handover-reason")).ToContainTextAsync("Asked for: Talk to a person");
        await Assertions.Expect(page.GetByTestId("handover-summary")).ToContainTextAsync("Consent: unknown");
        await Assertions.Expect(page.GetByTestId("hand-back")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();

        await page.GetByTestId("composer-input").FillAsync("Hi Priya, this is Nurse Lee. How can I help?");
        await page.GetByTestId("composer-send").ClickAsync();
        var reply = page.GetByTestId("thread").Locator("[data-testid=message][data-direction=out]").Filter(new() { HasText = "this is Nurse Lee" });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "sent");

        var botMessages = (await BotMessagesOfAsync(waId)).Count;
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Priya Handover", "I have a question about my medication"))).EnsureSuccessStatusCode();
        await Assertions.Expect(page.GetByTestId("thread").GetByTestId("message").Filter(new() { HasText = "question about my medication" })).ToBeVisibleAsync();
        await BotIsIdleAsync();

        Assert.Equal(botMessages, (await BotMessagesOfAsync(waId)).Count);
        var sent = fixture.Graph.SendBodies().Where(b => b.GetProperty("to").GetString() == "+" + waId).ToList();
        Assert.Contains(sent, b => b.TryGetProperty("text", out var t) && t.GetProperty("body").GetString()!.Contains("Nurse Lee"));
        Assert.Equal(botMessages + 1, sent.Count);
    }
}
