using System.Collections.Immutable;
using Inbox.Core.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// The notifier behind <see cref="IInboxNotifier"/>: fans committed changes out to every open inbox page
/// in this process (their components subscribe here) and to SignalR clients of <see cref="InboxHub"/>.
/// Handlers must return quickly: they schedule a re-render, they do not render.
/// </summary>
public sealed class InboxChangeFeed(IHubContext<InboxHub> hub, ILogger<InboxChangeFeed> logger) : IInboxNotifier
{
    private ImmutableArray<Func<IReadOnlyList<InboxChange>, Task>> _handlers = [];

    public IDisposable Subscribe(Func<IReadOnlyList<InboxChange>, Task> handler)
    {
        ImmutableInterlocked.Update(ref _handlers, h => h.Add(handler));
        return new Subscription(() => ImmutableInterlocked.Update(ref _handlers, h => h.Remove(handler)));
    }

    public async ValueTask PublishAsync(IReadOnlyList<InboxChange> changes, CancellationToken cancellationToken = default)
    {
        foreach (var handler in _handlers)
        {
            try { await handler(changes); }
            catch (Exception ex) { logger.LogWarning(ex, "An inbox page failed to take a change"); }
        }
        await hub.Clients.All.SendAsync(InboxHub.ChangesMethod, changes, cancellationToken);
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        public void Dispose() => unsubscribe();
    }
}
