using System.Net;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Integration;

/// <summary>Creating and revoking API keys as the admin screen does, and what the API makes of them.</summary>
public sealed class ApiKeyAdministrationTests(ApiKeyAdministrationTests.App app) : IClassFixture<ApiKeyAdministrationTests.App>
{
    /// <summary>The app on a clock the tests move by hand (last use is noted to the nearest few minutes).</summary>
    public sealed class App() : InboxWebApplicationFactory(services: s =>
    {
        s.RemoveAll<TimeProvider>();
        s.AddSingleton<TimeProvider>(Clock);
    })
    {
        public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    }

    private async Task<T> AdminAsync<T>(Func<ApiKeyAdministration, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ApiKeyAdministration>());
    }

    private static string Name(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact]
    public async Task A_created_key_works_at_once_with_its_role_and_only_its_hash_is_stored()
    {
        var name = Name("crm");
        var (created, error) = await AdminAsync(a => a.CreateAsync("  " + name + "  ", StaffRole.Receptionist, CancellationToken.None));

        Assert.Null(error);
        Assert.Equal(name, created!.Key.Name);
        Assert.StartsWith("ibx_", created.Secret);
        var api = app.CreateApiClient(created.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/conversations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync("/api/v1/audit")).StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Id == created.Key.Id);
        Assert.Equal(ApiKeyHash.Of(created.Secret), stored.KeyHash);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_by_the_api_and_stays_listed_as_revoked()
    {
        var (created, _) = await AdminAsync(a => a.CreateAsync(Name("ehr"), StaffRole.Admin, CancellationToken.None));
        var api = app.CreateApiClient(created!.Secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/contacts")).StatusCode);

        var revoked = await AdminAsync(a => a.RevokeAsync(created.Key.Id, CancellationToken.None));

        Assert.Equal(App.Clock.GetUtcNow(), revoked!.RevokedAt);
        await (await api.GetAsync("/api/v1/contacts")).ProblemAsync(HttpStatusCode.Unauthorized);
        var listed = (await AdminAsync(a => a.ListAsync(CancellationToken.None))).Single(k => k.Id == created.Key.Id);
        Assert.True(listed.IsRevoked);
        Assert.Null(await AdminAsync(a => a.RevokeAsync(Guid.NewGuid(), CancellationToken.None)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("development")]
    [InlineData("a-name-much-longer-than-the-forty-eight-characters-allowed")]
    public async Task A_key_needs_a_fresh_name_of_sensible_length(string name)
    {
        var (created, error) = await AdminAsync(a => a.CreateAsync(name, StaffRole.Agent, CancellationToken.None));

        Assert.Null(created);
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public async Task A_name_is_never_reused_even_after_its_key_is_revoked()
    {
        var name = Name("twice");
        var (first, _) = await AdminAsync(a => a.CreateAsync(name, StaffRole.Agent, CancellationToken.None));
        await AdminAsync(a => a.RevokeAsync(first!.Key.Id, CancellationToken.None));

        var (second, error) = await AdminAsync(a => a.CreateAsync(name, StaffRole.Agent, CancellationToken.None));

        Assert.Null(second);
        Assert.Contains("exists already", error);
    }

    [Fact]
    public async Task Last_use_is_noted_on_a_call_and_again_only_after_a_few_minutes()
    {
        var (created, _) = await AdminAsync(a => a.CreateAsync(Name("used"), StaffRole.Agent, CancellationToken.None));
        var api = app.CreateApiClient(created!.Secret);
        Assert.Null(created.Key.LastUsedAt);

        await api.GetOkAsync("/api/v1/conversations");
        var firstUse = App.Clock.GetUtcNow();
        App.Clock.Advance(TimeSpan.FromMinutes(1));
        await api.GetOkAsync("/api/v1/conversations");
        Assert.Equal(firstUse, await LastUsedAsync(created.Key.Id));

        App.Clock.Advance(ApiKey.UseResolution);
        await api.GetOkAsync("/api/v1/conversations");
        Assert.Equal(App.Clock.GetUtcNow(), await LastUsedAsync(created.Key.Id));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(Guid id) =>
        (await AdminAsync(a => a.ListAsync(CancellationToken.None))).Single(k => k.Id == id).LastUsedAt;
}
