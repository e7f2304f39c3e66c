using System.Net;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>The stored, hash-chained audit log: reads leave entries, tampering is found, only some roles may look.</summary>
public sealed class AuditLogTests(AuditLogTests.App app) : IClassFixture<AuditLogTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private async Task<HttpClient> KeyClientAsync(StaffRole role)
    {
        var (key, secret) = ApiKey.Create("audit-test-" + role + Guid.NewGuid().ToString("N")[..6], role, DateTimeOffset.UtcNow);
        await using var db = app.CreateDbContext();
        db.Add(key);
        await db.SaveChangesAsync();
        return app.CreateApiClient(secret);
    }

    [Fact]
    public async Task An_api_read_is_stored_and_the_chain_verifies()
    {
        var id = await app.ReceiveWhatsAppAsync("15550700001", "Audit Patient", "Hello");
        await app.CreateApiClient().GetOkAsync($"/api/v1/conversations/{id}");

        var page = await app.CreateApiClient().GetOkAsync($"/api/v1/audit?subjectType=conversation&subjectId={id}");
        var entry = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("conversation.read", entry.GetProperty("action").GetString());
        Assert.Equal("apiKey", entry.GetProperty("actor").GetProperty("kind").GetString());

        var verify = await (await app.CreateApiClient().PostAsync("/api/v1/audit/verify", null)).Content.ReadAsStringAsync();
        Assert.Contains("\"intact\":true", verify);
    }

    [Fact]
    public async Task Staff_sign_in_attempts_are_audited_including_failures()
    {
        await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), StaffSignIn.Agent, "a-wrong-password");
        await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Agent);

        await using var db = app.CreateDbContext();
        var actions = await db.AuditLog.Where(a => a.ActorName == StaffSignIn.Agent).Select(a => a.Action).ToListAsync();
        Assert.Contains("signin.failed", actions);
        Assert.Contains("signin.succeeded", actions);
    }

    [Fact]
    public async Task Rewriting_an_entry_is_detected_at_that_entry()
    {
        var id = await app.ReceiveWhatsAppAsync("15550700002", "Tamper Patient", "Hello");
        for (var i = 0; i < 3; i++) await app.CreateApiClient().GetOkAsync($"/api/v1/conversations/{id}");
        long tampered;
        await using (var db = app.CreateDbContext())
        {
            tampered = await db.AuditLog.Where(a => a.SubjectId == id.ToString()).OrderBy(a => a.Id).Select(a => a.Id).Skip(1).FirstAsync();
            // Someone with database access hides who read the record.
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditLog SET ActorId = 'nobody' WHERE Id = {tampered}");
        }

        var verify = await (await app.CreateApiClient().PostAsync("/api/v1/audit/verify", null)).Content.ReadAsStringAsync();

        Assert.Contains("\"intact\":false", verify);
        Assert.Contains($"\"firstBrokenId\":{tampered}", verify);
        await using var repair = app.CreateDbContext();
        await repair.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditLog SET ActorId = 'api-key:development' WHERE Id = {tampered}");
    }

    [Theory]
    [InlineData(StaffRole.Receptionist, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Agent, HttpStatusCode.Forbidden)]
    [InlineData(StaffRole.Supervisor, HttpStatusCode.OK)]
    [InlineData(StaffRole.Admin, HttpStatusCode.OK)]
    public async Task Only_supervisors_and_admins_may_read_the_audit_log(StaffRole role, HttpStatusCode expected)
    {
        var client = await KeyClientAsync(role);

        Assert.Equal(expected, (await client.GetAsync("/api/v1/audit")).StatusCode);
    }
}
