using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbox.Bench;

/// <summary>Keeps the last SQL command EF ran, with its parameter values, to ask SQLite for its plan.</summary>
internal sealed class CommandCapture : DbCommandInterceptor
{
    public sealed record Captured(string Sql, (string Name, object? Value)[] Parameters);

    public Captured? Last { get; private set; }

    /// <summary>Every command while <see cref="Recording"/> (the reports benchmark prints the plans of one dashboard load).</summary>
    public List<Captured> All { get; } = [];

    public bool Recording { get; set; }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        // A list page reads its labels afterwards (one small IN query): keep the list's own query for its plan.
        if (!command.CommandText.Contains("FROM \"ConversationLabels\"", StringComparison.Ordinal))
            Last = new Captured(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray());
        if (Recording && Last is not null) All.Add(Last);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }
}

/// <summary>EXPLAIN QUERY PLAN on a read-only connection; a plain SCAN of a table or a temp B-tree sort is flagged.</summary>
internal sealed class QueryPlans(string path)
{
    private readonly string _connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString();

    public long Count(string table)
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The oldest shared inbox (where the demo generator puts every conversation).</summary>
    public Task<Guid> FirstInboxAsync()
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\" FROM \"SharedInboxes\" ORDER BY \"CreatedAt\" LIMIT 1";
        return Task.FromResult(Guid.Parse((string)command.ExecuteScalar()!));
    }

    /// <summary>Someone with open conversations assigned (the demo generator assigns 70%), to time "Mine" as them.</summary>
    public Task<string?> FirstAssigneeAsync()
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"AssigneeId\" FROM \"Conversations\" WHERE \"AssigneeId\" IS NOT NULL AND \"Status\" = 'Open' LIMIT 1";
        return Task.FromResult(command.ExecuteScalar() as string);
    }

    /// <summary>Runs the query once more on its own connection, reading every row: milliseconds.</summary>
    public double Time(CommandCapture.Captured query)
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var reader = command.ExecuteReader();
        while (reader.Read()) { }
        return clock.Elapsed.TotalMilliseconds;
    }

    public void Print(CommandCapture.Captured query)
    {
        using var connection = new SqliteConnection(_connection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var detail = reader.GetString(3);
            var bad = (detail.StartsWith("SCAN ", StringComparison.Ordinal) && !detail.Contains("INDEX", StringComparison.Ordinal)) || detail.Contains("TEMP B-TREE", StringComparison.Ordinal);
            Console.WriteLine($"    plan: {detail}{(bad ? "   <-- scan/sort" : "")}");
        }
    }
}
