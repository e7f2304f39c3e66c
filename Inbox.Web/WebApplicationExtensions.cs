using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Identity;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Seeding;
using Inbox.Web.Auth;
using Inbox.Web.Components;
using Inbox.Web.Endpoints;
using Inbox.Web.Endpoints.Api;
using Inbox.Web.RateLimiting;
using Inbox.Web.Realtime;
using Inbox.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Inbox.Web;

internal static class WebApplicationExtensions
{
    /// <summary>Migrates the database; in Development also seeds the demo clinic.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await DatabaseInitializer.MigrateAsync(app.Services);
        await StaffSeeder.SeedRolesAsync(app.Services);
        await ContactKeyBackfill.RunAsync(app.Services);
        // Before the first webhook: which accounts are served, and which inbox each one feeds.
        await app.Services.GetRequiredService<ChannelAccountDirectory>().SyncAsync();
        if (!app.Environment.IsDevelopment()) return;
        if (app.Configuration["Demo:Password"] is { Length: > 0 } demoPassword)
            await StaffSeeder.SeedDemoUsersAsync(app.Services, demoPassword);
        if (app.Configuration.GetValue("Demo:Seed", false))
            await DemoClinicSeeder.SeedAsync(app.Services);
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        // Friendly status pages are for people; webhooks, the API and health checks answer for themselves.
        app.UseWhen(ctx => !GatePaths.IsMachineEndpoint(ctx.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseFirstRunGate();
        // Before authentication: refusing a flood should cost as little as possible.
        app.UseSignInFormBuffering();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAccountGates();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapInboxEndpoints(this WebApplication app)
    {
        // Open to anyone: liveness and readiness, the platforms' webhooks (authenticated by their signatures), assets.
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        app.MapWebhooks();
        app.MapStaticAssets().AllowAnonymous();

        app.MapAccountEndpoints();
        app.MapApiV1();
        app.MapMedia();
        app.MapReportExports();
        app.MapHub<InboxHub>(InboxHub.Route); // its [Authorize] policy becomes the endpoint's
        app.MapDevelopmentTools();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
