using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class ApiAuthenticationTests(ApiAuthenticationTests.App app) : IClassFixture<ApiAuthenticationTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Fact]
    public async Task No_key_answers_401_problem_with_a_bearer_challenge()
    {
        var response = await app.CreateApiClient(key: null).GetAsync("/api/v1/conversations");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task Wrong_key_answers_401_problem()
    {
        var response = await app.CreateApiClient("not-the-key").GetAsync("/api/v1/contacts");

        var problem = await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("unknown or revoked", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_key_in_another_scheme_is_refused()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", InboxWebApplicationFactory.ApiKey);

        await (await client.GetAsync("/api/v1/conversations")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Development_key_is_accepted()
    {
        var page = await app.CreateApiClient().GetOkAsync("/api/v1/conversations");

        Assert.Equal(JsonValueKind.Array, page.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task Stored_key_is_kept_as_a_hash_and_accepted_until_revoked()
    {
        var (key, secret) = ApiKey.Create("crm-sync", StaffRole.Agent, DateTimeOffset.UtcNow);
        await using (var db = app.CreateDbContext())
        {
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "crm-sync");
            Assert.NotEqual(secret, stored.KeyHash);
            Assert.DoesNotContain(secret, stored.KeyHash);
            Assert.Matches("^[0-9a-f]{64}$", stored.KeyHash);
        }
        var client = app.CreateApiClient(secret);
        await client.GetOkAsync("/api/v1/contacts");

        await using (var db = app.CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync(k => k.Name == "crm-sync");
            stored.Revoke(DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await (await client.GetAsync("/api/v1/contacts")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unknown_api_route_answers_404_problem_not_the_ui_page()
    {
        var response = await app.CreateApiClient().GetAsync("/api/v1/no-such-thing");

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}

public sealed class ApiWithoutDevelopmentKeyTests(ApiWithoutDevelopmentKeyTests.App app) : IClassFixture<ApiWithoutDevelopmentKeyTests.App>
{
    public sealed class App() : InboxWebApplicationFactory(new Dictionary<string, string?> { ["Api:DevelopmentKey"] = "" });

    [Fact]
    public async Task Development_key_is_not_honoured_when_the_setting_is_empty()
    {
        await (await app.CreateApiClient().GetAsync("/api/v1/conversations")).ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
