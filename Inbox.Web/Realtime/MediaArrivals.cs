using Inbox.Core.Realtime;
using Inbox.Infrastructure.Media;

namespace Inbox.Web.Realtime;

/// <summary>
/// Wakes the media fetcher when new messages are committed, so an attachment is downloaded at once rather than
/// at the fetcher's next poll. Most new messages carry no media; the fetcher's check for due work is one indexed query.
/// </summary>
internal sealed class MediaArrivals(InboxChangeFeed feed, MediaWork work) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = feed.Subscribe(changes =>
        {
            if (changes.Any(c => c.Kind == InboxChangeKind.MessageAdded)) work.Pulse();
            return Task.CompletedTask;
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
