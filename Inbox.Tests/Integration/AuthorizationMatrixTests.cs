using System.Net;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Tests.Support;
using Inbox.Web.Auth;
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

    // Open to anyone, each for a reason: the platforms (signed bodies), probes, the API's description, the sign-in
    // steps (password, then the two-factor code), and the first-run setup (it 404s once any staff account exists).
    private static readonly string[] OpenPrefixes = ["/webhooks", "/health", "/openapi", "/account/login", "/account/login-2fa", "/account/access-denied", "/setup"];

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
            if (open && !OpenPrefixes.Any(p => IsUnder(path, p))) undecided.Add("open but not on the open list: " + path);
            if (!open && !guarded) undecided.Add("no policy: " + path);
        }
        Assert.Empty(undecided);
    }

    // The whole path or a path below it: "/account/login" must not also open "/account/login-anything".
    private static bool IsUnder(string path, string prefix) =>
        path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    /// <summary>Pages and the policy each must name; "" means any signed-in person ([Authorize] without a policy).</summary>
    public static TheoryData<string, string> GuardedPages => new()
    {
        { "/", Policies.ReadConversations },
        { "/admin/staff", Policies.Administer },
        { "/account/two-factor", "" },
        { "/account/change-password", "" },
        { "/account/logout", "" },
    };

    [Theory]
    [MemberData(nameof(GuardedPages))]
    public void Each_page_names_the_policy_it_needs_and_is_not_open(string path, string policy)
    {
        var endpoints = Endpoints().Where(e => PathOf(e) == path).ToList();
        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e =>
        {
            Assert.Null(e.Metadata.GetMetadata<IAllowAnonymous>());
            Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => (a.Policy ?? "") == policy);
        });
    }

    [Theory]
    [InlineData(StaffSignIn.Receptionist, HttpStatusCode.Redirect)]
    [InlineData(StaffSignIn.Agent, HttpStatusCode.Redirect)]
    [InlineData(StaffSignIn.Supervisor, HttpStatusCode.Redirect)]
    [InlineData(StaffSignIn.Admin, HttpStatusCode.OK)]
    public async Task Only_admins_may_open_staff_management(string email, HttpStatusCode expected)
    {
        var client = await StaffSignIn.SignedInClientAsync(app, email);

        var response = await client.GetAsync("/admin/staff");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Redirect) Assert.StartsWith("/account/access-denied", response.Headers.Location!.AbsolutePath);
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
}
