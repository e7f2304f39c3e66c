using Inbox.Web.Simulator;

namespace Inbox.Web;

/// <summary>Development-only helpers: the channel simulator. Nothing here exists outside Development.</summary>
internal static class DevelopmentTools
{
    public static IServiceCollection AddDevelopmentTools(this IServiceCollection services, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment()) return services;
        // One simulator per channel; the page offers the registered channels that have one.
        services.AddSingleton<SelfAddress>();
        services.AddHttpClient<WhatsAppSimulator>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient<IChannelSimulator>(sp => sp.GetRequiredService<WhatsAppSimulator>());
        services.AddHttpClient<MessengerSimulator>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient<IChannelSimulator>(sp => sp.GetRequiredService<MessengerSimulator>());
        services.AddHttpClient<LineSimulator>(c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddTransient<IChannelSimulator>(sp => sp.GetRequiredService<LineSimulator>());
        return services;
    }

    public static WebApplication MapDevelopmentTools(this WebApplication app) => app;
}
