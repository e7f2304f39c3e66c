using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Inbox.Bench;

/// <summary>Watches the app's SQLite file (read-only) to see when the posted messages are in their threads.</summary>
internal sealed class ProcessedWatcher(string path)
{
    private readonly string _connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    public long? Snapshot() => File.Exists(path) ? Count("SELECT COUNT(*) FROM Messages") : null;

    /// <summary>Polls until <paramref name="expected"/> new messages exist or the timeout passes.</summary>
    public async Task<(long Done, double Seconds)> WaitForAsync(long before, long expected, Stopwatch clock, TimeSpan timeout)
    {
        var giveUp = clock.Elapsed + timeout;
        long done;
        while (true)
        {
            done = Count("SELECT COUNT(*) FROM Messages") - before;
            if (done >= expected || clock.Elapsed >= giveUp) break;
            await Task.Delay(50);
        }
        var backlog = Count("SELECT COUNT(*) FROM RawWebhookEvents WHERE ProcessedAt IS NULL");
        if (backlog > 0) Console.WriteLine($"raw events still unprocessed: {backlog:N0}");
        return (done, clock.Elapsed.TotalSeconds);
    }

    private long Count(string sql)
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
