using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace Inbox.Web.Auth;

/// <summary>
/// A Blazor circuit outlives the HTTP request that started it, so the cookie checks no longer run.
/// This re-checks the server-side session every half minute: when it has ended (idle, absolute limit,
/// signed out elsewhere) the circuit's user becomes anonymous and the page sends them to sign in.
/// </summary>
internal sealed class SessionRevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromSeconds(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        if (SessionClaims.SessionIdOf(authenticationState.User) is not { } id) return false;
        await using var scope = scopes.CreateAsyncScope();
        var state = await scope.ServiceProvider.GetRequiredService<StaffSessions>().CheckAsync(id, recordActivity: false, cancellationToken);
        return state == SessionEnd.Active;
    }
}
