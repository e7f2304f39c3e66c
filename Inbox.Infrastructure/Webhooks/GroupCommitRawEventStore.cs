using System.Data;
using System.Data.Common;
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
    /// Plain ADO.NET on the context's connection: EF change tracking cost more than the insert itself.
    /// The SQL is valid on SQLite and SQL Server; values go through EF's own converters, so the rows are
    /// exactly what EF would have written (enum as text, SQLite timestamps as sortable numbers).
    /// </summary>
    private async Task<AppendOutcome[]> WriteAsync(List<Pending> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var columns = RawEventColumns.For(db);
        using var gate = await writeGate.EnterAsync(db, ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        // Acknowledged means on disk: FULL syncs the WAL at every commit (pooled connections may carry another setting).
        if (db is SqliteInboxDbContext) await ExecuteAsync(connection, null, "PRAGMA synchronous=FULL;", ct);

        await using var tx = await connection.BeginTransactionAsync(ct);
        var known = await KnownHashesAsync(connection, tx, columns, batch, ct);
        var now = columns.ReceivedAt(clock.GetUtcNow());
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO {columns.Table} ({columns.Channel}, {columns.BodyHash}, {columns.Body}, {columns.ReceivedAtColumn}, {columns.Attempts}) VALUES (@channel, @hash, @body, @at, 0)";
        var channel = Add(insert, "@channel", DbType.String);
        var hash = Add(insert, "@hash", DbType.AnsiString);
        var body = Add(insert, "@body", DbType.Binary);
        var at = Add(insert, "@at", null);
        at.Value = now;

        var outcomes = new AppendOutcome[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (!known.Add(p.Hash)) { outcomes[i] = AppendOutcome.Duplicate; continue; }
            channel.Value = columns.ChannelValue(p.Channel);
            hash.Value = p.Hash;
            body.Value = p.Body;
            await insert.ExecuteNonQueryAsync(ct);
            outcomes[i] = AppendOutcome.Stored;
        }
        await tx.CommitAsync(ct);
        return outcomes;
    }

    private static async Task<HashSet<string>> KnownHashesAsync(DbConnection connection, DbTransaction tx, RawEventColumns columns, List<Pending> batch, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        var hashes = batch.Select(p => p.Hash).Distinct().ToList();
        foreach (var chunk in hashes.Chunk(HashesPerQuery))
        {
            await using var select = connection.CreateCommand();
            select.Transaction = tx;
            var names = new string[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                names[i] = "@h" + i;
                Add(select, names[i], DbType.AnsiString).Value = chunk[i];
            }
            select.CommandText = $"SELECT {columns.BodyHash} FROM {columns.Table} WHERE {columns.BodyHash} IN ({string.Join(", ", names)})";
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) known.Add(reader.GetString(0));
        }
        return known;
    }

    private static DbParameter Add(DbCommand command, string name, DbType? type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (type is { } t) parameter.DbType = t;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private sealed record Pending(ChannelKind Channel, byte[] Body, string Hash)
    {
        public TaskCompletionSource<AppendOutcome> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
