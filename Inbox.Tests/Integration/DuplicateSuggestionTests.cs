using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Duplicate suggestions from the database, through the API contract and within the caller's inboxes.</summary>
public sealed class DuplicateSuggestionTests(DuplicateSuggestionTests.App app) : IClassFixture<DuplicateSuggestionTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private async Task<Contact> ContactAsync(string name, string? phone, Guid? inboxId = null)
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var contact = new Contact(name, phone is null ? null : PhoneNumber.Parse(phone), DateTimeOffset.UtcNow);
        db.Contacts.Add(contact);
        db.Conversations.Add(new Conversation(contact.Id, inboxId ?? app.Services.GetRequiredService<ChannelAccountDirectory>().DefaultInboxId, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
        return contact;
    }

    [Fact]
    public async Task The_api_ranks_candidates_with_scores_and_reasons()
    {
        var phone = "+6012555" + Random.Shared.Next(1000, 9999);
        var siti = await ContactAsync("Siti Rahmah " + phone[^4..], phone);
        var samePhone = await ContactAsync("S. Rahmah", phone);
        var similarName = await ContactAsync("Siti Rahma " + phone[^4..], null);
        await ContactAsync("Maria Santos", "+5511955500103");

        var response = await app.CreateApiClient().GetAsync($"/api/v1/contacts/{siti.Id}/duplicates");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
        Assert.Equal([samePhone.Id, similarName.Id], items.Select(i => i.GetProperty("contactId").GetGuid()));
        Assert.Equal(DuplicateRules.SamePhone, items[0].GetProperty("score").GetDouble());
        Assert.StartsWith("Same phone number", items[0].GetProperty("reasons")[0].GetString());
        Assert.StartsWith("Similar name", items[1].GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_contact_is_404_and_suggestions_stay_within_the_callers_inboxes()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateApiClient().GetAsync($"/api/v1/contacts/{Guid.NewGuid()}/duplicates")).StatusCode);

        var phone = "+6281255" + Random.Shared.Next(10000, 99999);
        Guid otherInbox;
        await using (var db = app.CreateDbContext())
        {
            var inbox = new SharedInbox("Elsewhere " + Guid.NewGuid().ToString("N")[..6], DateTimeOffset.UtcNow);
            db.SharedInboxes.Add(inbox);
            await db.SaveChangesAsync();
            otherInbox = inbox.Id;
        }
        var mine = await ContactAsync("Budi Santoso", phone);
        var hidden = await ContactAsync("Budi Santoso", phone, otherInbox);
        var defaultInbox = app.Services.GetRequiredService<ChannelAccountDirectory>().DefaultInboxId;

        await using var scope = app.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<IDuplicateFinder>();
        Assert.DoesNotContain(await finder.FindAsync(InboxScope.Only([defaultInbox]), mine.Id, 10, default), s => s.ContactId == hidden.Id);
        Assert.Contains(await finder.FindAsync(InboxScope.All, mine.Id, 10, default), s => s.ContactId == hidden.Id);
    }
}
