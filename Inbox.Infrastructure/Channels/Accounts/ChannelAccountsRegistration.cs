using Inbox.Core.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Channels.Accounts;

internal static class ChannelAccountsRegistration
{
    public static IServiceCollection AddChannelAccounts(this IServiceCollection services)
    {
        services.AddSingleton<ChannelSecretProtector>();
        services.AddSingleton<ChannelAccountDirectory>();
        services.AddSingleton<IChannelAccountDirectory>(sp => sp.GetRequiredService<ChannelAccountDirectory>());
        services.AddScoped<ChannelAccountAdmin>();
        services.AddHostedService<ChannelAccountRefresher>();
        return services;
    }
}
