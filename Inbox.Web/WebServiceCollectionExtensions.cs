using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Endpoints.Api;
using Inbox.Web.Realtime;
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

        services.AddStaffAuthentication(configuration);
        services.AddProblemDetails();
        services.AddApiV1(configuration);
        services.AddDevelopmentTools(environment);
        return services;
    }
}
