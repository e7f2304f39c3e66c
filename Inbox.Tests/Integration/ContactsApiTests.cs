using System.Net;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class ContactsApiTests(ContactsApiTests.App app) : IClassFixture<ContactsApiTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private readonly HttpClient _api = app.CreateApiClient();

    [Fact]
    public async Task Contact_lists_with_identities_and_is_found_by_phone()
    {
        await app.ReceiveWhatsAppAsync("15550500001", "Mara Quinn", "Hi");
        await app.ReceiveWhatsAppAsync("15550500002", "Otto Berg", "Hi");

        var page = await _api.GetOkAsync("/api/v1/contacts?phone=%2B15550500001");

        var contact = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("Mara Quinn", contact.GetProperty("name").GetString());
        Assert.Equal("+15550500001", contact.GetProperty("phone").GetString());
        var identity = Assert.Single(contact.GetProperty("identities").EnumerateArray());
        Assert.Equal("whatsapp", identity.GetProperty("channel").GetString());
        Assert.Equal(InboxWebApplicationFactory.WhatsAppPhoneNumberId, identity.GetProperty("accountId").GetString());
        Assert.Equal("Mara Quinn", identity.GetProperty("displayName").GetString());
        Assert.EndsWith("Z", contact.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Contacts_page_with_cursors()
    {
        for (var i = 0; i < 3; i++) await app.ReceiveWhatsAppAsync($"1555051000{i}", $"Page Patient {i}", "Hi");

        var first = await _api.GetOkAsync("/api/v1/contacts?query=Page%20Patient&limit=2");
        var second = await _api.GetOkAsync($"/api/v1/contacts?query=Page%20Patient&limit=2&cursor={first.GetProperty("next").GetString()}");

        var ids = first.Ids().Concat(second.Ids()).ToList();
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Null(second.GetProperty("next").GetString());
    }

    [Fact]
    public async Task One_contact_by_id_or_404()
    {
        await app.ReceiveWhatsAppAsync("15550500003", "Lia Stone", "Hi");
        await using var db = app.CreateDbContext();
        var id = await db.Contacts.Where(c => c.Phone == "+15550500003").Select(c => c.Id).SingleAsync();

        Assert.Equal("Lia Stone", (await _api.GetOkAsync($"/api/v1/contacts/{id}")).GetProperty("name").GetString());
        await (await _api.GetAsync($"/api/v1/contacts/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _api.GetAsync("/api/v1/contacts/x")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
