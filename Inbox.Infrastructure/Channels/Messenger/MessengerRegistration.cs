using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Channels.Messenger;

internal static class MessengerRegistration
{
    /// <summary>A Facebook page's settings, in configuration (`Channels:Messenger`) and on the admin screen.</summary>
    public static readonly ChannelAccountSchema Schema = new(ChannelKind.Messenger, MessengerOptions.Section, "PageId",
    [
        new("DisplayName", "Name staff see", Secret: false),
        new("PageId", "Facebook page id", Secret: false, "The page's About section → Page transparency, or Meta Business Suite → Settings"),
        new("AppSecret", "Meta app secret", Secret: true, "App dashboard → App settings → Basic"),
        new("VerifyToken", "Webhook verify token", Secret: true, "Any long random string; type the same into Meta's webhook settings"),
        new("PageAccessToken", "Page access token", Secret: true, "App dashboard → Messenger → Settings → Access tokens (needs pages_messaging)"),
    ]);

    public static IServiceCollection AddMessenger(this IServiceCollection services)
    {
        services.AddOptions<MessengerOptions>().BindConfiguration(MessengerOptions.Section);
        services.AddSingleton(Schema);
        // No default request logging: profile URLs carry the patient's PSID and attachment URLs are signed links to their files.
        services.AddHttpClient<MessengerAdapter>(c => c.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<MessengerAdapter>());
        return services;
    }
}
