using Inbox.Core.Channels;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Messaging;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Jobs;

/// <summary>
/// Turns stored webhook bodies into contacts, conversations and messages, in batches, in arrival order.
/// A body that fails is retried a few times on its own and then set aside with its error, so one bad
/// event never holds up the rest.
/// </summary>
internal sealed class InboundProcessor(
    IServiceScopeFactory scopes,
    IChannelAdapters adapters,
    IInboxNotifier notifier,
    InboundWork work,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    private const int BatchSize = 200;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int processed;
            try
            {
                processed = await ProcessBatchAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Inbound processing failed; retrying");
                processed = 0;
            }
            if (processed < BatchSize) await work.WaitAsync(IdlePoll, stoppingToken);
        }
    }

    /// <summary>Processes the next batch of stored events; returns how many were taken.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            ids = await db.RawWebhookEvents.Where(e => e.ProcessedAt == null).OrderBy(e => e.Id).Select(e => e.Id).Take(BatchSize).ToListAsync(ct);
        }
        if (ids.Count == 0) return 0;
        try
        {
            await ProcessAsync(ids, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ids.Count > 1)
        {
            // Find the poison: process one by one so the good events still go through.
            logger.LogWarning("A batch of {Count} inbound events failed ({Error}); processing them one by one", ids.Count, ex.GetType().Name);
            foreach (var id in ids)
            {
                try { await ProcessAsync([id], ct); }
                catch (Exception one) when (one is not OperationCanceledException) { await RecordFailureAsync(id, one, ct); }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordFailureAsync(ids[0], ex, ct);
        }
        return ids.Count;
    }

    private async Task ProcessAsync(List<long> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var raws = await db.RawWebhookEvents.Where(e => ids.Contains(e.Id)).OrderBy(e => e.Id).ToListAsync(ct);
        var events = raws.SelectMany(r => adapters.Get(r.Channel).Parse(r.Body)).ToList();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changes = await new InboundEventApplier(db).ApplyAsync(events, ct);
        var now = clock.GetUtcNow();
        foreach (var raw in raws) { raw.ProcessedAt = now; raw.Attempts++; }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        if (changes.Count > 0) await notifier.PublishAsync(changes, ct);
    }

    private async Task RecordFailureAsync(long id, Exception ex, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var raw = await db.RawWebhookEvents.SingleAsync(e => e.Id == id, ct);
        raw.Attempts++;
        // Exception type and message only: never the body, which holds patient data.
        var error = $"{ex.GetType().Name}: {ex.Message}";
        raw.LastError = error.Length > 1000 ? error[..1000] : error;
        if (raw.Attempts >= MaxAttempts)
        {
            raw.ProcessedAt = clock.GetUtcNow();
            logger.LogError("Inbound event {Id} set aside after {Attempts} failed attempts: {Error}", id, raw.Attempts, ex.GetType().Name);
        }
        await db.SaveChangesAsync(ct);
    }
}
