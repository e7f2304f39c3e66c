using Inbox.Core.Channels;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Channels.Accounts;
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
    ChannelAccountDirectory accounts,
    IInboxNotifier notifier,
    InboundWork work,
    Media.MediaWork mediaWork,
    Bot.BotWork botWork,
    Workflow.AutoAssignWork autoAssignWork,
    OutboundWork outboundWork,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<InboundProcessor> logger) : BackgroundService
{
    // Large batches amortize the per-batch queries and the commit; one batch holds the write lock for tens of ms.
    private const int BatchSize = 1000;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Linger = TimeSpan.FromMilliseconds(50);

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
            if (processed < BatchSize)
            {
                await work.WaitAsync(IdlePoll, stoppingToken);
                // Let a few webhook commits pass first: fewer, larger batches take the write lock less often,
                // so acknowledgements do not wait behind the processor after every commit.
                await Task.Delay(Linger, clock, stoppingToken);
            }
        }
    }

    /// <summary>Processes the next batch of stored events; returns how many were taken.</summary>
    public async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        List<RawBody> batch;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            // Bodies come with the ids: one read for the batch, nothing tracked (they are marked with one UPDATE).
            batch = await db.RawWebhookEvents.AsNoTracking().Where(e => e.ProcessedAt == null).OrderBy(e => e.Id)
                .Select(e => new RawBody(e.Id, e.Channel, e.Body)).Take(BatchSize).ToListAsync(ct);
        }
        if (batch.Count == 0) return 0;
        try
        {
            await ProcessAsync(batch, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && batch.Count > 1)
        {
            // Find the poison: process one by one so the good events still go through.
            logger.LogWarning("A batch of {Count} inbound events failed ({Error}); processing them one by one", batch.Count, ex.GetType().Name);
            foreach (var raw in batch)
            {
                try { await ProcessAsync([raw], ct); }
                catch (Exception one) when (one is not OperationCanceledException) { await RecordFailureAsync(raw.Id, one, ct); }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordFailureAsync(batch[0].Id, ex, ct);
        }
        return batch.Count;
    }

    private async Task ProcessAsync(List<RawBody> batch, CancellationToken ct)
    {
        // Parsing needs no database: done before taking the write lock.
        var events = batch.SelectMany(r => adapters.Get(r.Channel).Parse(r.Body)).ToList();
        var ids = batch.Select(r => r.Id).ToList();

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        List<InboxChange> changes;
        var queuedOutbound = false;
        using (await writeGate.EnterAsync(db, ct))
        {
            await db.Database.OpenConnectionAsync(ct);
            // Safe without a sync per commit: a lost processing commit leaves its raw events unprocessed, and
            // they are redone (see docs/decisions/001-webhook-group-commit.md). Webhook commits stay FULL.
            if (db is SqliteInboxDbContext) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var applier = new InboundEventApplier(db, accounts, clock);
            changes = await applier.ApplyAsync(events, ct);
            await applier.Writes.SaveAsync(db, ct);
            queuedOutbound = applier.Writes.QueuedOutbound;
            var now = clock.GetUtcNow();
            await db.RawWebhookEvents.Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ProcessedAt, now).SetProperty(e => e.Attempts, e => e.Attempts + 1), ct);
            await tx.CommitAsync(ct);
        }

        if (changes.Count > 0) await notifier.PublishAsync(changes, ct);
        // A survey answer's thanks waits in the outbound queue.
        if (queuedOutbound) outboundWork.Pulse();
        // Attachments are fetched by their own job: wake it now rather than at its next poll.
        if (events.OfType<InboundMessage>().Any(m => m.Media is not null)) mediaWork.Pulse();
        // Bot turns were committed with the messages: the bot answers now, outside the webhook request.
        if (events.OfType<InboundMessage>().Any()) botWork.Pulse();
        // A new or reopened conversation may go round-robin.
        if (changes.Any(c => c.Kind == InboxChangeKind.MessageAdded)) autoAssignWork.Pulse();
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

    private sealed record RawBody(long Id, ChannelKind Channel, byte[] Body);
}
