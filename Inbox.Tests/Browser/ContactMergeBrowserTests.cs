using Inbox.Core.Channels;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>
/// One patient on WhatsApp and LINE, as a receptionist sees it in a real browser: the duplicate is suggested, the
/// receptionist reviews and merges it into one thread with both channels, then undoes the merge.
/// </summary>
public sealed class ContactMergeBrowserTests(ContactMergeBrowserTests.Fixture fixture) : IClassFixture<ContactMergeBrowserTests.Fixture>
{
    public sealed class Fixture : BrowserAppFixture, IDisposable
    {
        public FakeLineApi Line { get; } = new();

        protected override IReadOnlyDictionary<string, string?> ExtraSettings =>
            new Dictionary<string, string?> { ["Channels:Line:ApiBaseUrl"] = Line.Url };

        public void Dispose() => Line.Dispose();
    }

    private const string ProfileFixtureUserId = "U36b3216fdaeeb975729fae923d5a4fd1";

    [Fact]
    public async Task A_receptionist_merges_a_patients_two_channels_into_one_thread_and_undoes_it()
    {
        fixture.Line.AcceptAll();
        var webhooks = new HttpClient { BaseAddress = fixture.BaseAddress };
        var waId = "6281255" + Random.Shared.Next(100_000, 999_999);
        (await webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Kartika Sari", "Do you have a dentist on Saturday?"))).EnsureSuccessStatusCode();
        var lineUser = LinePayloads.NewUserId();
        fixture.Line.AddProfile(lineUser, Fixtures.Text("line/line-profile-response.json").Replace(ProfileFixtureUserId, lineUser).Replace("\"Sora\"", "\"Kartika Sari\""));
        (await webhooks.PostLineAsync(LinePayloads.Text(lineUser, "Hello, it's me again on LINE"))).EnsureSuccessStatusCode();

        Guid lineThread;
        await using (var db = fixture.App.CreateDbContext())
        {
            // The profile lookup names the LINE patient: only then do the two look alike.
            var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.Channel == ChannelKind.Line && i.ExternalId == lineUser),
                i => i is not null && db.Contacts.Any(c => c.Id == i.ContactId && c.Name == "Kartika Sari"));
            lineThread = await Eventually.GetAsync(() => db.Conversations.Where(c => c.ContactId == identity!.ContactId).Select(c => c.Id).FirstOrDefaultAsync(), id => id != Guid.Empty);
        }

        var page = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{lineThread}");
        var thread = page.GetByTestId("thread");
        await Assertions.Expect(thread.Locator("[data-testid=message]")).ToHaveCountAsync(1);
        var suggestion = page.GetByTestId("duplicate-suggestion");
        await Assertions.Expect(suggestion).ToContainTextAsync("Kartika Sari");
        await Assertions.Expect(suggestion).ToContainTextAsync("Same name");

        await suggestion.GetByTestId("duplicate-review").ClickAsync();
        var review = page.GetByTestId("merge-review");
        await Assertions.Expect(review.GetByTestId("identities-left")).ToContainTextAsync("LINE");
        await Assertions.Expect(review.GetByTestId("identities-right")).ToContainTextAsync("WhatsApp");
        await page.GetByTestId("merge-confirm").ClickAsync();

        // One thread: both messages, each with its channel, and both identities beside it.
        await Assertions.Expect(thread.Locator("[data-testid=message]")).ToHaveCountAsync(2);
        await Assertions.Expect(thread).ToContainTextAsync("Do you have a dentist on Saturday?");
        await Assertions.Expect(page.GetByTestId("patient-identities")).ToContainTextAsync("WhatsApp");
        await Assertions.Expect(page.GetByTestId("patient-identities")).ToContainTextAsync("LINE");
        await Assertions.Expect(page.GetByTestId("composer-channels")).ToContainTextAsync("WhatsApp");
        await Assertions.Expect(page.GetByTestId("duplicate-suggestion")).ToHaveCountAsync(0);

        await page.GetByTestId("merge-undo").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Undo merge" }).ClickAsync();

        await Assertions.Expect(thread.Locator("[data-testid=message]")).ToHaveCountAsync(1);
        await Assertions.Expect(thread).Not.ToContainTextAsync("Do you have a dentist on Saturday?");
        await Assertions.Expect(page.GetByTestId("patient-identities")).Not.ToContainTextAsync("WhatsApp");
        await Assertions.Expect(page.GetByTestId("merge-history")).ToContainTextAsync("undone");
    }
}
