using Inbox.Core.Realtime;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Realtime;

/// <summary>
/// A component that shows data the change feed can make stale. It subscribes on initialization and
/// unsubscribes on disposal; bursts of changes become one coalesced refresh, run on the renderer's
/// dispatcher, and a reconnect triggers a full refresh because changes may have been missed meanwhile.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private IDisposable? _subscription;
    private CoalescedRefresh? _refresh;

    [Inject] private InboxChangeFeed Feed { get; set; } = null!;
    [Inject] private CircuitConnection Connection { get; set; } = null!;
    [Inject] protected ScopedServices Scoped { get; set; } = null!;
    [Inject] protected TimeProvider Time { get; set; } = null!;

    protected override void OnInitialized()
    {
        _refresh = new CoalescedRefresh(RefreshAndRenderAsync, ex => InvokeAsync(() => DispatchExceptionAsync(ex)), CoalescedRefresh.DefaultDelay, Time);
        _subscription = Feed.Subscribe(OnChangesAsync);
        Connection.Reconnected += OnReconnectedAsync;
    }

    /// <summary>Called on the feed's thread: note what to re-read and say whether a refresh is needed. Keep it quick.</summary>
    protected abstract bool Accept(IReadOnlyList<InboxChange> changes);

    /// <summary>Called after a reconnect, before the refresh: forget partial state and re-read everything shown.</summary>
    protected abstract void MarkAllStale();

    /// <summary>Re-reads what <see cref="Accept"/> noted. Runs on the dispatcher, never twice at once.</summary>
    protected abstract Task RefreshAsync();

    private Task OnChangesAsync(IReadOnlyList<InboxChange> changes)
    {
        if (Accept(changes)) _refresh?.Request();
        return Task.CompletedTask;
    }

    private Task OnReconnectedAsync()
    {
        MarkAllStale();
        _refresh?.Request();
        return Task.CompletedTask;
    }

    private Task RefreshAndRenderAsync() => InvokeAsync(async () =>
    {
        await RefreshAsync();
        StateHasChanged();
    });

    public virtual void Dispose()
    {
        _subscription?.Dispose();
        Connection.Reconnected -= OnReconnectedAsync;
        _refresh?.Dispose();
        GC.SuppressFinalize(this);
    }
}
