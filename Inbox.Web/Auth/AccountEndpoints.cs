using Inbox.Core.Audit;
using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Web.Auth;

/// <summary>Sign-out and the activity ping that keeps an active receptionist's session alive.</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").ExcludeFromDescription();

        account.MapPost("/logout", async (HttpContext http, SignInManager<StaffUser> signIn, IAuditTrail audit, TimeProvider clock) =>
        {
            if (http.User.Identity?.IsAuthenticated == true)
                await audit.RecordAsync(clock, http.User, AuditActions.SignOut, AuditSubjects.Staff, StaffClaims.IdOf(http.User) ?? "unknown");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).RequireAuthorization();

        // The page pings this while the person is using it (keys, clicks); the cookie check records the activity.
        // A custom header is required so another site cannot trigger it with a plain form post.
        account.MapPost("/activity", (HttpContext http) =>
                http.Request.Headers["X-Inbox-Activity"] == "1"
                    ? Results.NoContent()
                    : Results.Problem(title: "The activity ping needs its X-Inbox-Activity header.", statusCode: StatusCodes.Status400BadRequest))
            .DisableAntiforgery()
            .RequireAuthorization();
        return app;
    }
}
