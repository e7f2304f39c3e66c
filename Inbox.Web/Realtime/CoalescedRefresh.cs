namespace Inbox.Web.Realtime;

/// <summary>
/// Turns a burst of change notifications into at most one refresh per <c>delay</c>, one at a time.
/// A request that arrives while a refresh runs schedules exactly one more, so nothing is missed.
/// </summary>
public sealed class CoalescedRefresh(Func<Task> refresh, Func<Exception, Task> onError, TimeSpan delay, TimeProvider time) : IDisposable
{
    public static readonly TimeSpan DefaultDelay = TimeSpan.FromMilliseconds(150);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private int _scheduled;

    /// <summary>Asks for a refresh soon; cheap and safe to call from any thread, any number of times.</summary>
    public void Request()
    {
        if (Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(delay, time, _stop.Token);
            await _gate.WaitAsync(_stop.Token);
            try
            {
                // Cleared before the refresh starts: a change during the refresh schedules another.
                Volatile.Write(ref _scheduled, 0);
                await refresh();
            }
            finally { _gate.Release(); }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested) { }
        catch (Exception ex) { await onError(ex); }
    }

    // Cancelled, not disposed: a request racing the component's disposal must still find a live token.
    public void Dispose() => _stop.Cancel();
}
