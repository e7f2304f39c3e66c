using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>`PATCH /api/v1/contacts/{id}`: phones parsed to E.164 (local formats with the clinic's region), clear 400s, audited.</summary>
public sealed class ContactPatchTests(ContactPatchTests.App app) : IClassFixture<ContactPatchTests.App>
{
    public sealed class App() : InboxWebApplicationFactory(new Dictionary<string, string?> { ["Contacts:DefaultRegion"] = "ID" });

    private async Task<Guid> ContactAsync(string waId)
    {
        (await app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Budi", "Halo"))).EnsureSuccessStatusCode();
        await using var db = app.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null))!.Id;
    }

    [Fact]
    public async Task Name_phone_typed_the_local_way_and_email_are_changed_and_audited()
    {
        var id = await ContactAsync("6281255" + Random.Shared.Next(10000, 99999));

        var response = await app.CreateApiClient().PatchAsJsonAsync($"/api/v1/contacts/{id}", new { name = "Budi Santoso", phone = "0812-5550-105", email = "budi@example.test" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Budi Santoso", body.GetProperty("name").GetString());
        Assert.Equal("+628125550105", body.GetProperty("phone").GetString());
        Assert.Equal("budi@example.test", body.GetProperty("email").GetString());
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == "contact.update" && a.SubjectId == id.ToString()));
        Assert.Equal(Inbox.Core.Contacts.NameKeys.Exact("Budi Santoso"), (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id)).NameKey);
    }

    [Fact]
    public async Task A_bad_phone_or_email_is_a_400_naming_the_field_and_nothing_changes()
    {
        var phone = "6281266" + Random.Shared.Next(10000, 99999);
        var id = await ContactAsync(phone);

        var response = await app.CreateApiClient().PatchAsJsonAsync($"/api/v1/contacts/{id}", new { name = "Changed", phone = "call me maybe", email = "not-an-email" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("phone", out _));
        Assert.True(errors.TryGetProperty("email", out _));
        await using var db = app.CreateDbContext();
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.Equal(("Budi", "+" + phone), (contact.Name, contact.Phone));
    }

    [Fact]
    public async Task An_unknown_contact_is_404()
    {
        var response = await app.CreateApiClient().PatchAsJsonAsync($"/api/v1/contacts/{Guid.NewGuid()}", new { name = "X" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
