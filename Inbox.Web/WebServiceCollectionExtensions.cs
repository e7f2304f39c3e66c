using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Endpoints.Api;
using Inbox.Web.RateLimiting;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;

namespace Inbox.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>The web layer: Blazor Server with MudBlazor, SignalR, the API and its auth.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        var signalR = services.AddSignalR();
        if (configuration["Redis:Connection"] is { Length: > 0 } redis)
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("inbox"));
        services.AddSingleton<InboxChangeFeed>();
        services.AddSingleton<IInboxNotifier>(sp => sp.GetRequiredService<InboxChangeFeed>());
        services.AddLiveComponents();
        services.AddScoped<Components.Pages.Contacts.MergeFlow>();
        // Collision control (who views, who types): in memory for one instance; see InMemoryThreadPresence for Redis.
        services.AddSingleton<IThreadPresence, InMemoryThreadPresence>();
        services.AddScoped<Inbox.Web.Components.Pages.Inbox.Keyboard.InboxCommands>();
        services.AddSingleton<Presence.StaffPresenceTracker>();
        services.AddSingleton<Inbox.Core.Staff.IStaffPresence>(sp => sp.GetRequiredService<Presence.StaffPresenceTracker>());
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, Presence.PresenceCircuitHandler>();

        services.AddStaffAuthentication(configuration);
        // Cookies and antiforgery tokens must survive restarts (and, with several instances, be shared):
        // keys live in the data folder, or where `DataProtection:KeysPath` says.
        services.AddDataProtection()
            .SetApplicationName("Inbox")
            .PersistKeysToFileSystem(new DirectoryInfo(configuration["DataProtection:KeysPath"] is { Length: > 0 } keys
                ? keys
                : Path.Combine(environment.ContentRootPath, "data", "keys")));
        services.AddProblemDetails();
        services.AddApiV1(configuration);
        services.AddInboxRateLimiting();
        services.AddDevelopmentTools(environment);
        return services;
    }
}
