using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Channels.Line;

internal static class LineRegistration
{
    /// <summary>
    /// A LINE channel's settings, in configuration (`Channels:Line`) and on the admin screen. With no `ChannelId` the
    /// configured channel is called `default`, so `Channels:Line:ChannelSecret` alone is enough to receive webhooks.
    /// </summary>
    public static readonly ChannelAccountSchema Schema = new(ChannelKind.Line, LineOptions.Section, "ChannelId",
    [
        new("DisplayName", "Name staff see", Secret: false),
        new("ChannelId", "Channel ID", Secret: false, "LINE Developers Console → your Messaging API channel → Basic settings"),
        new("BotUserId", "Bot user ID (U…)", Secret: false, "Basic settings → Your user ID; needed when several LINE channels are connected"),
        new("ChannelSecret", "Channel secret", Secret: true, "Basic settings → Channel secret"),
        new("ChannelAccessToken", "Channel access token", Secret: true, "Messaging API → Channel access token (long-lived)"),
    ], DefaultAccountId: "default");

    public static IServiceCollection AddLine(this IServiceCollection services)
    {
        services.AddOptions<LineOptions>().BindConfiguration(LineOptions.Section);
        services.AddSingleton(Schema);
        services.AddSingleton<LineAccountRouter>();
        // No request logging: profile and content URLs carry the patient's user id.
        services.AddHttpClient<LineAdapter>(c => c.Timeout = TimeSpan.FromSeconds(15)).RemoveAllLoggers();
        services.AddSingleton<IChannelAdapter>(sp => sp.GetRequiredService<LineAdapter>());
        return services;
    }
}
