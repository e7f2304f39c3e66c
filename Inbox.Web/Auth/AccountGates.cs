namespace Inbox.Web.Auth;

/// <summary>
/// Steps a signed-in person must take before anything else: choose a new password after signing in with a
/// temporary one, then (an admin, when `Security:RequireTwoFactorForAdmins` is on) set up two-factor.
/// Until then every page and the live connection redirect to the step; the claims say which is due.
/// </summary>
internal static class AccountGates
{
    public const string ChangePasswordPath = "/account/change-password";
    public const string TwoFactorPath = "/account/two-factor";

    public static IApplicationBuilder UseAccountGates(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && !GatePaths.IsPlumbing(context.Request.Path) && !context.Request.Path.StartsWithSegments("/account")
            && StepDue(user) is { } step)
        {
            context.Response.Redirect(step + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
            return;
        }
        await next();
    });

    public static string? StepDue(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == StaffClaims.MustChangePassword) ? ChangePasswordPath
        : user.HasClaim(c => c.Type == StaffClaims.MustEnrolTwoFactor) ? TwoFactorPath
        : null;
}
