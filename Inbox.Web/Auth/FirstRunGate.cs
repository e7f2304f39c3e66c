using Inbox.Infrastructure.Identity;

namespace Inbox.Web.Auth;

/// <summary>
/// A new installation outside Development has no staff, so no one could sign in: every page leads to
/// `/setup` until the first admin exists. Development seeds demo users instead and never redirects.
/// </summary>
internal static class FirstRunGate
{
    public const string SetupPath = "/setup";

    public static IApplicationBuilder UseFirstRunGate(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()) return app;
        return app.Use(async (context, next) =>
        {
            if (!GatePaths.IsPlumbing(context.Request.Path) && !context.Request.Path.StartsWithSegments(SetupPath)
                && await context.RequestServices.GetRequiredService<FirstRunSetup>().IsNeededAsync(context.RequestAborted))
            {
                context.Response.Redirect(SetupPath);
                return;
            }
            await next();
        });
    }
}
