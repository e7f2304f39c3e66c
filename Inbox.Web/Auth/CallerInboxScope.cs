using System.Security.Claims;
using Inbox.Core.Staff;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Teams;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Auth;

/// <summary>The signed-in person's inbox scope, for components: every read of conversations passes it on.</summary>
public interface ICallerInboxScope
{
    Task<InboxScope> GetAsync();
}

/// <summary>
/// Per circuit: the inboxes the person's teams serve (everything with <see cref="Permission.SeeAllInboxes"/>).
/// Re-read every 30 s, so moving someone between teams takes effect on open pages without a reload.
/// </summary>
internal sealed class CircuitInboxScope(AuthenticationStateProvider authentication, ScopedServices scoped, TimeProvider clock) : ICallerInboxScope
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(30);
    private InboxScope? _scope;
    private DateTimeOffset _readAt;

    public async Task<InboxScope> GetAsync()
    {
        if (_scope is { } cached && clock.GetUtcNow() - _readAt < Freshness) return cached;
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        _scope = await ForAsync(scoped, user);
        _readAt = clock.GetUtcNow();
        return _scope;
    }

    public static Task<InboxScope> ForAsync(ScopedServices scoped, ClaimsPrincipal user) =>
        scoped.RunAsync<InboxScopes, InboxScope>(s => ForAsync(s, user, CancellationToken.None));

    /// <summary>The same rule for a plain HTTP request (e.g. `/media/{id}`), with the request's own services.</summary>
    public static async Task<InboxScope> ForAsync(InboxScopes scopes, ClaimsPrincipal user, CancellationToken ct)
    {
        // Nobody signed in sees nothing; the page's own policy refuses them before this anyway.
        if (StaffClaims.IdOf(user) is not { } staffId) return InboxScope.Only([]);
        var seesAll = RolePermissions.RolesWith(Permission.SeeAllInboxes).Any(role => user.IsInRole(role.ToString()));
        return await scopes.ForStaffAsync(staffId, seesAll, ct);
    }
}
