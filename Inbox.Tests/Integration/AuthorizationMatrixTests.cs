using System.Net;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Who may reach what, checked against the app's own endpoint list: an endpoint added without a decision
/// (open on purpose, or behind a policy) fails here, and each API policy is exercised with a key of every role.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.App app) : IClassFixture<AuthorizationMatrixTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    // Open to anyone, each for a reason: the platforms (signed bodies), probes, the API's description, sign-in.
    private static readonly string[] OpenPrefixes = ["/webhooks", "/health", "/openapi", "/account/login", "/account/access-denied"];

    // Blazor's own plumbing: covered by the fallback policy (a signed-in person), no metadata of their own.
    private static readonly string[] FrameworkPrefixes = ["/_blazor", "/_framework", "/_content", "/not-found", "/Error"];

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string PathOf(RouteEndpoint e) => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');

    // Fingerprinted assets and the framework's catch-all for files (`{**path:file}`).
    private static bool IsStaticAsset(RouteEndpoint e) =>
        (Path.HasExtension(PathOf(e)) && !PathOf(e).StartsWith("/openapi", StringComparison.Ordinal)) || PathOf(e).Contains(":file}", StringComparison.Ordinal);

    [Fact]
    public void Every_endpoint_is_either_open_on_purpose_or_behind_a_policy()
    {
        var undecided = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            var path = PathOf(endpoint);
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var guarded = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any();
            if (IsStaticAsset(endpoint) || FrameworkPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal))) continue;
            if (open && !OpenPrefixes.Any(p => path.StartsWith(p, StringComparison.Ordinal))) undecided.Add("open but not on the open list: " + path);
            if (!open && !guarded) undecided.Add("no policy: " + path);
        }
        Assert.Empty(undecided);
    }

    [Fact]
    public void Every_api_endpoint_names_an_api_key_policy()
    {
        var api = Endpoints().Where(e => PathOf(e).StartsWith("/api/v1", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(api);
        Assert.All(api, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy?.StartsWith("api:", StringComparison.Ordinal) == true));
    }

    public static TheoryData<string, string, Permission> ApiRoutes => new()
    {
        { "GET", "/api/v1/contacts", Permission.ReadConversations },
        { "GET", "/api/v1/conversations", Permission.ReadConversations },
        { "GET", "/api/v1/audit", Permission.ViewAudit },
        { "POST", "/api/v1/audit/verify", Permission.ViewAudit },
    };

    [Theory]
    [MemberData(nameof(ApiRoutes))]
    public async Task Each_role_reaches_exactly_the_api_routes_its_permissions_allow(string method, string path, Permission permission)
    {
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var (key, secret) = ApiKey.Create($"matrix-{role}-{Guid.NewGuid():N}"[..40], role, DateTimeOffset.UtcNow);
            await using (var db = app.CreateDbContext())
            {
                db.Add(key);
                await db.SaveChangesAsync();
            }
            var response = await app.CreateApiClient(secret).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

            var expected = RolePermissions.Allows(role, permission) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            Assert.True(expected == response.StatusCode, $"{role} {method} {path}: expected {expected}, got {response.StatusCode}");
        }
        var anonymous = await app.CreateApiClient(key: null).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData(StaffSignIn.Receptionist)]
    [InlineData(StaffSignIn.Agent)]
    [InlineData(StaffSignIn.Supervisor)]
    [InlineData(StaffSignIn.Admin)]
    public async Task Every_role_may_open_the_inbox_and_nobody_anonymous(string email)
    {
        var client = await StaffSignIn.SignedInClientAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.NewClient(app).GetAsync("/")).StatusCode);
    }

    /// <summary>Staff routes outside the API, each behind the policy of the permission it needs.</summary>
    public static TheoryData<string, Permission> StaffRoutes => new()
    {
        { "/media/{messageId}", Permission.ReadConversations },
    };

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public void Each_staff_route_names_the_policy_of_its_permission(string route, Permission permission)
    {
        var endpoint = Assert.Single(Endpoints(), e => PathOf(e) == route);
        Assert.Contains(endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == permission.ToString());
    }

    [Theory]
    [InlineData(StaffSignIn.Receptionist)]
    [InlineData(StaffSignIn.Agent)]
    [InlineData(StaffSignIn.Supervisor)]
    [InlineData(StaffSignIn.Admin)]
    public async Task Every_role_may_ask_for_a_patients_file_and_nobody_anonymous_or_with_an_api_key(string email)
    {
        var client = await StaffSignIn.SignedInClientAsync(app, email);
        var path = $"/media/{Guid.NewGuid()}";

        // Past the policy, an unknown file is simply not found; the signed-out are sent to sign in.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.NewClient(app).GetAsync(path)).StatusCode);
        var withKey = new HttpRequestMessage(HttpMethod.Get, path);
        withKey.Headers.Authorization = new("Bearer", InboxWebApplicationFactory.ApiKey);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.NewClient(app).SendAsync(withKey)).StatusCode);
    }
}
