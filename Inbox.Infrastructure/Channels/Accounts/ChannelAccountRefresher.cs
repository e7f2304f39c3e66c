using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Channels.Accounts;

/// <summary>
/// Re-reads the channel accounts now and then, so an account connected on another instance's admin screen is
/// served here too without a restart. The instance that made the change reloads at once.
/// </summary>
internal sealed class ChannelAccountRefresher(ChannelAccountDirectory directory, TimeProvider clock, ILogger<ChannelAccountRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.ReloadAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Channel accounts not reloaded; serving the previous list");
            }
        }
    }
}
