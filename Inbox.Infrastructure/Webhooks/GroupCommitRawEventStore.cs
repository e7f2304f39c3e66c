using System.Security.Cryptography;
using System.Threading.Channels;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Webhooks;

/// <summary>
/// Group commit: concurrent webhook requests hand their bodies to one writer, which stores everything
/// waiting in one transaction and then releases all the requests. Each request still answers only
/// after its body is committed, but a thousand requests share one commit (one fsync) instead of
/// paying one each. A single writer also makes the duplicate check race-free.
/// </summary>
internal sealed class GroupCommitRawEventStore(
    IServiceScopeFactory scopes,
    InboundWork inboundWork,
    TimeProvider clock,
    ILogger<GroupCommitRawEventStore> logger) : BackgroundService, IRawEventStore
{
    // SQL Server allows 2,100 parameters a command; the duplicate check uses one per body.
    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(
        new BoundedChannelOptions(20_000) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task<AppendOutcome> AppendAsync(ChannelKind channel, byte[] body, CancellationToken ct)
    {
        var pending = new Pending(channel, body, Convert.ToHexStringLower(SHA256.HashData(body)));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var p)) batch.Add(p);
            try
            {
                await WriteAsync(batch, stoppingToken);
                inboundWork.Pulse();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not store {Count} webhook bodies; the platform will redeliver them", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var hashes = batch.Select(p => p.Hash).Distinct().ToList();
        var known = (await db.RawWebhookEvents.Where(e => hashes.Contains(e.BodyHash)).Select(e => e.BodyHash).ToListAsync(ct)).ToHashSet();
        var now = clock.GetUtcNow();
        var outcomes = new AppendOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (!known.Add(p.Hash)) { outcomes[i] = AppendOutcome.Duplicate; continue; }
            db.RawWebhookEvents.Add(new RawWebhookEvent { Channel = p.Channel, Body = p.Body, BodyHash = p.Hash, ReceivedAt = now });
            outcomes[i] = AppendOutcome.Stored;
        }
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
    }

    private sealed record Pending(ChannelKind Channel, byte[] Body, string Hash)
    {
        public TaskCompletionSource<AppendOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
