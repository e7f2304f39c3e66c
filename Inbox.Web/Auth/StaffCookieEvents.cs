using System.Security.Claims;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Web.Auth;

/// <summary>
/// Ties the auth cookie to a server-side session: a new session on sign-in, a check (idle and absolute
/// limits, sign-out elsewhere) on every request, the session ended on sign-out.
/// </summary>
internal sealed class StaffCookieEvents : CookieAuthenticationEvents
{
    public override async Task SigningIn(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is ClaimsIdentity identity && SessionClaims.SessionIdOf(context.Principal) is null)
        {
            var userId = context.Principal.FindFirstValue(ClaimTypes.NameIdentifier)!;
            var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
            var id = context.HttpContext.Items[SessionClaims.ContinuedSession] is Guid continued
                ? continued
                : await sessions.StartAsync(userId, context.HttpContext.Connection.RemoteIpAddress?.ToString());
            identity.AddClaim(new Claim(SessionClaims.SessionId, id.ToString()));
            if (context.HttpContext.Connection.RemoteIpAddress is { } ip) identity.AddClaim(new Claim(StaffClaims.SignInIp, ip.ToString()));
        }
        await base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        await SecurityStampValidator.ValidatePrincipalAsync(context);
        if (context.Principal is null) return;

        var sessionId = SessionClaims.SessionIdOf(context.Principal);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<StaffSessions>();
        var state = sessionId is { } id ? await sessions.CheckAsync(id, recordActivity: true) : SessionEnd.SignedOut;
        if (state != SessionEnd.Active)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    // A SignalR client cannot follow a redirect to the sign-in page: it gets the status itself.
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!IsHub(context.Request)) return base.RedirectToLogin(context);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!IsHub(context.Request)) return base.RedirectToAccessDenied(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private static bool IsHub(HttpRequest request) => request.Path.StartsWithSegments("/hubs");

    public override async Task SigningOut(CookieSigningOutContext context)
    {
        if (SessionClaims.SessionIdOf(context.HttpContext.User) is { } id)
            await context.HttpContext.RequestServices.GetRequiredService<StaffSessions>().EndAsync(id);
        await base.SigningOut(context);
    }
}
