using System.Threading.Channels;

namespace Inbox.Infrastructure.Jobs;

/// <summary>
/// Wakes a background processor as soon as there is work, instead of waiting for its next poll.
/// Many pulses before the processor wakes fold into one.
/// </summary>
public abstract class WorkSignal
{
    private readonly Channel<bool> _pulses = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Pulse() => _pulses.Writer.TryWrite(true);

    /// <summary>Waits for a pulse or the timeout, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try { await _pulses.Reader.ReadAsync(cts.Token); }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested) { }
    }
}

/// <summary>New raw webhook events are stored.</summary>
public sealed class InboundWork : WorkSignal;

/// <summary>A message was queued for sending.</summary>
public sealed class OutboundWork : WorkSignal;
