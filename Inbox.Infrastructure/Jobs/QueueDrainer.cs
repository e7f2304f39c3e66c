using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Jobs;

/// <summary>
/// A job that drains a queue kept in a table (queued messages, pending media, unnamed identities): it takes a batch,
/// and only when the batch came back short does it rest until woken or the idle poll passes. A failed batch is
/// logged and tried again; it never stops the job.
/// </summary>
internal abstract class QueueDrainer(ILogger logger) : BackgroundService
{
    protected const int BatchSize = 20;

    /// <summary>For the log: "Outbound dispatch", "Media fetching".</summary>
    protected abstract string Work { get; }

    /// <summary>Handles what is due; returns how many items it took.</summary>
    protected abstract Task<int> DrainOnceAsync(CancellationToken ct);

    /// <summary>Waits for new work: a pulse of the job's own <see cref="WorkSignal"/>, or a timer.</summary>
    protected abstract Task RestAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var taken = 0;
            try { taken = await DrainOnceAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogError(ex, "{Work} failed; retrying", Work); }
            if (taken < BatchSize) await RestAsync(stoppingToken);
        }
    }
}
