using Inbox.Core.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Channels.WhatsApp;

internal static class WhatsAppRegistration
{
    public static IServiceCollection AddWhatsApp(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section);
        services.AddHttpClient<WhatsAppAdapter>(c => c.Timeout = TimeSpan.FromSeconds(15));
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<WhatsAppAdapter>());
        return services;
    }
}
