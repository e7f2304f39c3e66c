using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Channels.WhatsApp;

internal static class WhatsAppRegistration
{
    /// <summary>A WhatsApp number's settings, in configuration (`Channels:WhatsApp`) and on the admin screen.</summary>
    public static readonly ChannelAccountSchema Schema = new(ChannelKind.WhatsApp, WhatsAppOptions.Section, "PhoneNumberId",
    [
        new("DisplayName", "Name staff see", Secret: false),
        new("PhoneNumberId", "Phone number id", Secret: false, "WhatsApp Manager → API setup"),
        new("DisplayPhoneNumber", "Phone number (digits)", Secret: false),
        new("AppSecret", "Meta app secret", Secret: true, "App dashboard → App settings → Basic"),
        new("VerifyToken", "Webhook verify token", Secret: true, "Any long random string; type the same into Meta's webhook settings"),
        new("AccessToken", "System-user access token", Secret: true),
    ]);

    public static IServiceCollection AddWhatsApp(this IServiceCollection services)
    {
        services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section);
        services.AddSingleton(Schema);
        // No request logging: media URLs and recipients would reach the log.
        services.AddHttpClient<WhatsAppAdapter>(c => c.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<WhatsAppAdapter>());
        return services;
    }
}
