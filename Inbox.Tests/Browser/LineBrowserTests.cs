using Inbox.Core.Channels;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>A receptionist answers a LINE patient in a real browser: the message arrives live and the reply spends the free reply token.</summary>
public sealed class LineBrowserTests(LineBrowserTests.Fixture fixture) : IClassFixture<LineBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserAppFixture, IDisposable
    {
        public FakeLineApi Line { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Channels:Line:ApiBaseUrl"] = Line.Url };

        public void Dispose() => Line.Dispose();
    }

    private const string ProfileFixtureUserId = "U36b3216fdaeeb975729fae923d5a4fd1";

    private async Task<Guid> ConversationOfAsync(string userId)
    {
        await using var db = fixture.App.CreateDbContext();
        var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.Channel == ChannelKind.Line && i.ExternalId == userId), i => i is not null);
        return await Eventually.GetAsync(() => db.Conversations.Where(c => c.ContactId == identity!.ContactId).Select(c => c.Id).FirstOrDefaultAsync(), id => id != Guid.Empty);
    }

    [Fact]
    public async Task A_line_message_appears_live_and_the_reply_uses_its_reply_token()
    {
        fixture.Line.AcceptAll();
        var webhooks = new HttpClient { BaseAddress = fixture.BaseAddress };

        // Another patient's open thread: its enabled send button says the circuit is interactive, so what follows must arrive live.
        var earlier = LinePayloads.NewUserId();
        (await webhooks.PostLineAsync(LinePayloads.Text(earlier, "Earlier question"))).EnsureSuccessStatusCode();
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{await ConversationOfAsync(earlier)}");
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();
        // Survives only as long as the document does: still set at the end means nothing reloaded the page.
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        var userId = LinePayloads.NewUserId();
        var replyToken = LinePayloads.NewReplyToken();
        fixture.Line.AddProfile(userId, Fixtures.Text("line/line-profile-response.json").Replace(ProfileFixtureUserId, userId).Replace("\"Sora\"", "\"Sora Browser\""));
        (await webhooks.PostLineAsync(LinePayloads.Text(userId, "Can I book a cleaning on Friday?", replyToken: replyToken))).EnsureSuccessStatusCode();

        var row = page.GetByTestId("conversation-row").Filter(new() { HasText = "Can I book a cleaning on Friday?" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToContainTextAsync("Sora Browser");
        await row.ClickAsync();
        var thread = page.GetByTestId("thread");
        await Assertions.Expect(thread.Locator("[data-testid=message][data-direction=in]")).ToContainTextAsync("Can I book a cleaning on Friday?");
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();

        // Answered within LINE's minute: the reply goes out on the free reply endpoint, spending this event's token.
        await page.GetByTestId("composer-input").FillAsync("Yes, Friday 14:00 is free.");
        await page.GetByTestId("composer-send").ClickAsync();
        var reply = thread.Locator("[data-testid=message][data-direction=out]").Filter(new() { HasText = "Yes, Friday 14:00 is free." });
        await Assertions.Expect(reply).ToHaveAttributeAsync("data-status", "sent");

        var request = Assert.Single(fixture.Line.Requests(FakeLineApi.ReplyPath), r => r.Body.GetProperty("replyToken").GetString() == replyToken);
        var message = Assert.Single(request.Body.GetProperty("messages").EnumerateArray());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Equal("Yes, Friday 14:00 is free.", message.GetProperty("text").GetString());
        Assert.Equal("Bearer " + InboxWebApplicationFactory.LineChannelAccessToken, request.Authorization);
        Assert.DoesNotContain(fixture.Line.Requests(FakeLineApi.PushPath), p => p.Body.GetProperty("to").GetString() == userId);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"));
    }
}
