using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Web.Auth;

internal static class StaffSignInRefresh
{
    /// <summary>
    /// Reissues the sign-in cookie with fresh claims after the person changed something about their own
    /// sign-in (a new password, two-factor on): the security stamp moved, and the old cookie would be
    /// refused at its next check. The server-side session carries on; its clock does not restart.
    /// </summary>
    public static async Task RefreshForSameSessionAsync(this SignInManager<StaffUser> signIn, HttpContext http, StaffUser user)
    {
        if (SessionClaims.SessionIdOf(http.User) is { } session) http.Items[SessionClaims.ContinuedSession] = session;
        await signIn.RefreshSignInAsync(user);
    }
}
