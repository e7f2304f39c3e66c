using System.Net;
using System.Reflection;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Auth;
using Inbox.Infrastructure.Identity;
using Inbox.Tests.Support;
using Inbox.Web.Realtime;
using Inbox.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Who may reach what, checked against the app's own endpoint list: an endpoint added without a decision
/// (open on purpose, or behind a policy) fails here, and each API policy is exercised with a key of every role.
/// The same goes for the staff pages and the SignalR hub (every hub and hub method found by reflection).
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
        { "GET", "/api/v1/agents", Permission.ReadConversations },
        { "GET", "/api/v1/audit", Permission.ViewAudit },
        { "POST", "/api/v1/audit/verify", Permission.ViewAudit },
        { "GET", "/api/v1/reports/summary", Permission.ViewReports },
    };

    public static TheoryData<string, string> ChangeRoutes => new()
    {
        { "POST", "/resolve" }, { "POST", "/reopen" }, { "POST", "/pending" }, { "POST", "/snooze" }, { "POST", "/assign" }, { "PUT", "/labels" }, { "POST", "/priority" },
    };

    [Theory]
    [MemberData(nameof(ChangeRoutes))]
    public async Task Only_roles_that_may_reply_may_change_a_conversation(string method, string suffix)
    {
        var path = $"/api/v1/conversations/{Guid.NewGuid()}{suffix}";
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var (key, secret) = ApiKey.Create($"change-{role}-{Guid.NewGuid():N}"[..40], role, DateTimeOffset.UtcNow);
            await using (var db = app.CreateDbContext())
            {
                db.Add(key);
                await db.SaveChangesAsync();
            }
            var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = System.Net.Http.Json.JsonContent.Create(new { }) };
            var response = await app.CreateApiClient(secret).SendAsync(request);
            // Allowed roles get past authorization to the endpoint: the empty body is refused or the made-up conversation is not found.
            var allowed = RolePermissions.Allows(role, Permission.ReplyToPatients);
            var ok = allowed ? response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest : response.StatusCode == HttpStatusCode.Forbidden;
            Assert.True(ok, $"{role} {method} {path}: {(allowed ? "allowed" : "refused")} expected, got {response.StatusCode}");
        }
    }

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

    private static string EmailOf(StaffRole role) => StaffSeeder.DemoUsers.Single(u => u.Role == role).Email;

    public static TheoryData<string, Permission, string> Pages => new()
    {
        { "/reports", Permission.ViewReports, "report-figures" },
        { "/audit", Permission.ViewAudit, "audit-table" },
        { "/admin/api-keys", Permission.Administer, "apikey-new" },
        { "/handovers", Permission.TakeHandovers, "handover-page" },
        { "/admin/bot", Permission.Administer, "bot-flow-form" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Each_role_opens_exactly_the_pages_its_permissions_allow(string path, Permission permission, string pageTestId)
    {
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var client = await StaffSignIn.SignedInClientAsync(app, EmailOf(role));
            var response = await client.GetAsync(path);

            if (RolePermissions.Allows(role, permission))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{role} {path}: {response.StatusCode}");
                Assert.Contains($"data-testid=\"{pageTestId}\"", await response.Content.ReadAsStringAsync());
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{role} {path}: {response.StatusCode}");
                Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery);
                Assert.Contains("data-testid=\"access-denied\"", await client.GetStringAsync(response.Headers.Location));
            }
        }
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.NewClient(app).GetAsync(path)).StatusCode);
    }

    [Theory]
    [InlineData(StaffRole.Receptionist)]
    [InlineData(StaffRole.Agent)]
    [InlineData(StaffRole.Supervisor)]
    [InlineData(StaffRole.Admin)]
    public async Task The_navigation_offers_each_role_only_the_pages_it_may_open(StaffRole role)
    {
        var html = await (await StaffSignIn.SignedInClientAsync(app, EmailOf(role))).GetStringAsync("/");

        Assert.Equal(RolePermissions.Allows(role, Permission.ViewReports), html.Contains("data-testid=\"nav-reports\"", StringComparison.Ordinal));
        Assert.Equal(RolePermissions.Allows(role, Permission.ViewAudit), html.Contains("data-testid=\"nav-audit\"", StringComparison.Ordinal));
        Assert.Equal(RolePermissions.Allows(role, Permission.Administer), html.Contains("data-testid=\"nav-api-keys\"", StringComparison.Ordinal));
    }

    // ---- SignalR: hubs and their methods are endpoints too, reached over one connection. ----

    /// <summary>What a hub lets through without a policy: the hub itself, or any method a client can call.</summary>
    private static IEnumerable<string> UnguardedParts(Type hub)
    {
        static bool HasPolicy(MemberInfo member) => member.GetCustomAttributes<AuthorizeAttribute>().Any(a => !string.IsNullOrEmpty(a.Policy));

        if (!HasPolicy(hub)) yield return hub.Name;
        // The methods SignalR lets clients invoke: public instance methods not inherited from Hub or object.
        var methods = hub.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType is { } d && d != typeof(Hub) && d != typeof(object));
        foreach (var method in methods)
            if (!HasPolicy(method)) yield return $"{hub.Name}.{method.Name}";
    }

    private sealed class UnguardedSampleHub : Hub
    {
        public Task Ping() => Task.CompletedTask;
        public override Task OnConnectedAsync() => Task.CompletedTask;
    }

    [Authorize(Policy = "ReadConversations")]
    private sealed class GuardedSampleHub : Hub
    {
        [Authorize(Policy = "ReplyToPatients")]
        public Task Ping() => Task.CompletedTask;
    }

    [Fact]
    public void The_hub_check_finds_a_hub_or_method_without_a_policy()
    {
        Assert.Equal(["UnguardedSampleHub", "UnguardedSampleHub.Ping"], UnguardedParts(typeof(UnguardedSampleHub)));
        Assert.Empty(UnguardedParts(typeof(GuardedSampleHub)));
    }

    [Fact]
    public async Task Every_hub_and_every_hub_method_names_a_policy_the_app_knows()
    {
        var hubs = typeof(InboxHub).Assembly.GetTypes().Where(t => typeof(Hub).IsAssignableFrom(t) && !t.IsAbstract).ToList();
        Assert.Contains(typeof(InboxHub), hubs);

        Assert.Empty(hubs.SelectMany(UnguardedParts));
        var policies = app.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var named = hubs.SelectMany(h => h.GetMethods().Cast<MemberInfo>().Append(h))
            .SelectMany(m => m.GetCustomAttributes<AuthorizeAttribute>()).Select(a => a.Policy!).Distinct();
        foreach (var policy in named) Assert.True(await policies.GetPolicyAsync(policy) is not null, $"unknown policy {policy}");
        Assert.Contains(typeof(InboxHub).GetCustomAttributes<AuthorizeAttribute>(), a => a.Policy == nameof(Permission.ReadConversations));
    }

    private HubConnection InboxHubConnection(string? cookieHeader) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, InboxHub.Route.TrimStart('/')), o =>
            {
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (cookieHeader is not null) o.Headers["Cookie"] = cookieHeader;
            })
            .Build();

    [Theory]
    [InlineData(StaffRole.Receptionist)]
    [InlineData(StaffRole.Agent)]
    [InlineData(StaffRole.Supervisor)]
    [InlineData(StaffRole.Admin)]
    public async Task Each_role_connects_to_the_hub_exactly_as_its_permissions_allow(StaffRole role)
    {
        await using var connection = InboxHubConnection(await StaffSignIn.SignedInCookieHeaderAsync(app, EmailOf(role)));

        if (RolePermissions.Allows(role, Permission.ReadConversations))
        {
            await connection.StartAsync();
            Assert.Equal(HubConnectionState.Connected, connection.State);
        }
        else
        {
            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    [Fact]
    public async Task Nobody_anonymous_negotiates_or_connects_with_the_hub()
    {
        var negotiate = await StaffSignIn.NewClient(app).PostAsync(InboxHub.Route + "/negotiate?negotiateVersion=1", null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);

        await using var connection = InboxHubConnection(cookieHeader: null);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task An_api_key_does_not_open_the_hub()
    {
        // The hub is for signed-in staff: a key's bearer header is not a staff session.
        var negotiate = await app.CreateApiClient().PostAsync(InboxHub.Route + "/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }
}
