using System.Net;
using System.Text.RegularExpressions;
using Inbox.Core.Staff;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Every page of the app × every role (and anonymous), generated from the app's own endpoint list: a page is
/// served to exactly the roles whose permissions include its policy, refused to the others, and sends anonymous
/// visitors to sign in. A new page shows up here by itself.
/// </summary>
public sealed partial class PageAuthorizationMatrixTests(PageAuthorizationMatrixTests.App app) : IClassFixture<PageAuthorizationMatrixTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    // A person's own sign-in settings (any signed-in person) and the error pages; the simulator needs only a signed-in person.
    private static readonly string[] NotInMatrix = ["/account/", "/not-found", "/Error"];

    private static readonly Dictionary<StaffRole, string> DemoUsers = new()
    {
        [StaffRole.Receptionist] = StaffSignIn.Receptionist,
        [StaffRole.Agent] = StaffSignIn.Agent,
        [StaffRole.Supervisor] = StaffSignIn.Supervisor,
        [StaffRole.Admin] = StaffSignIn.Admin,
    };

    private List<(string Path, string? Policy)> Pages()
    {
        _ = app.Server;
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Open pages (sign-in steps, first-run setup) are AuthorizationMatrixTests' open list.
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Path: "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'), Policy: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null)))
            .Where(p => !NotInMatrix.Any(prefix => p.Path.StartsWith(prefix, StringComparison.Ordinal)))
            .Select(p => (RouteValue().Replace(p.Path, Guid.NewGuid().ToString()), p.Policy))
            .Distinct().ToList();
    }

    [Fact]
    public void The_matrix_covers_the_admin_pages()
    {
        var pages = Pages().Select(p => p.Path).ToList();
        Assert.Contains("/admin/channels", pages);
        Assert.Contains("/admin/teams", pages);
        Assert.Contains("/admin/staff", pages);
        Assert.Contains("/admin/labels", pages);
        Assert.Contains("/audit", pages);
        Assert.DoesNotContain("/setup", pages);
    }

    [Theory]
    [InlineData(StaffRole.Receptionist)]
    [InlineData(StaffRole.Agent)]
    [InlineData(StaffRole.Supervisor)]
    [InlineData(StaffRole.Admin)]
    public async Task Each_role_opens_exactly_the_pages_its_permissions_allow(StaffRole role)
    {
        var client = await StaffSignIn.SignedInClientAsync(app, DemoUsers[role]);
        var wrong = new List<string>();
        foreach (var (path, policy) in Pages())
        {
            var allowed = policy is null || (Enum.TryParse<Permission>(policy, out var permission) && RolePermissions.Allows(role, permission));
            var response = await client.GetAsync(path);
            var served = response.StatusCode == HttpStatusCode.OK;
            var refused = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/access-denied") == true;
            if (allowed ? !served : !refused) wrong.Add($"{path} (policy {policy ?? "signed-in"}): {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(wrong.Count == 0, $"{role}: " + string.Join("; ", wrong));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_page()
    {
        var client = StaffSignIn.NewClient(app);
        foreach (var (path, _) in Pages())
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/account/login") == true,
                $"{path}: {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteValue();
}
