using System.Security.Cryptography;
using System.Threading.Channels;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Webhooks;

/// <summary>
/// Group commit: concurrent webhook requests hand their bodies to one writer, which stores everything
/// waiting in one transaction and then releases all the requests. Each request still answers only
/// after its body is committed, but hundreds of requests share one commit (one fsync) instead of
/// paying one each. A single writer also makes the duplicate check race-free.
/// See docs/decisions/001-webhook-group-commit.md.
/// </summary>
internal sealed class GroupCommitRawEventStore(
    IServiceScopeFactory scopes,
    InboundWork inboundWork,
    SqliteWriteGate writeGate,
    TimeProvider clock,
    ILogger<GroupCommitRawEventStore> logger) : BackgroundService, IRawEventStore
{
    // One commit takes whatever is waiting, up to this many bodies.
    private const int MaxBatch = 2_000;
    // SQL Server allows 2,100 parameters a command; the duplicate check uses one per body.
    private const int HashesPerQuery = 500;

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
                var outcomes = await WriteAsync(batch, stoppingToken);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
                inboundWork.Pulse();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Could not store {Count} webhook bodies; the platform will redeliver them", batch.Count);
                foreach (var p in batch) p.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One prepared INSERT reused for the whole batch (<see cref="PreparedRowCommand"/>): EF change tracking
    /// cost more than the insert itself, and the rows are still exactly what EF would write.
    /// </summary>
    private async Task<AppendOutcome[]> WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        using var gate = await writeGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        // Acknowledged means on disk: FULL syncs the WAL at every commit (pooled connections may carry another setting).
        if (db is SqliteInboxDbContext) await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=FULL;", ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var known = await KnownHashesAsync(db, batch, ct);
        var now = clock.GetUtcNow();
        await using var insert = PreparedRowCommand.Insert(db, typeof(RawWebhookEvent));
        var outcomes = new AppendOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (!known.Add(p.Hash)) { outcomes[i] = AppendOutcome.Duplicate; continue; }
            await insert.ExecuteAsync(new RawWebhookEvent { Channel = p.Channel, BodyHash = p.Hash, Body = p.Body, ReceivedAt = now }, ct);
            outcomes[i] = AppendOutcome.Stored;
        }
        await tx.CommitAsync(ct);
        return outcomes;
    }

    private static async Task<HashSet<string>> KnownHashesAsync(InboxDbContext db, List<Pending> batch, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in batch.Select(p => p.Hash).Distinct().Chunk(HashesPerQuery))
            known.UnionWith(await db.RawWebhookEvents.AsNoTracking().Where(e => chunk.Contains(e.BodyHash)).Select(e => e.BodyHash).ToListAsync(ct));
        return known;
    }

    private sealed record Pending(ChannelKind Channel, byte[] Body, string Hash)
    {
        public TaskCompletionSource<AppendOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
