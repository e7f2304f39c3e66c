using Microsoft.Data.Sqlite;

namespace Inbox.Tests.Support;

/// <summary>SQLite's plan for a query EF ran (<see cref="CommandCapture"/>), one step per line, read on a read-only connection.</summary>
public static class QueryPlans
{
    public static List<string> Of(string databasePath, CommandCapture.Captured query)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Sql;
        foreach (var (name, value) in query.Parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read()) steps.Add(reader.GetString(3));
        return steps;
    }
}
