using System.Data.Common;
using System.Globalization;
using System.Text;
using Inbox.Core.Conversations;
using Inbox.Core.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inbox.Infrastructure.Persistence.Queries.Reports;

/// <summary>What samples are grouped by: nothing (one figure), the person, the channel or the clinic day.</summary>
internal sealed class SampleGroup
{
    private SampleGroup(string? column, IReadOnlyList<DateTimeOffset>? dayStarts) => (Column, DayStarts) = (column, dayStarts);

    public string? Column { get; }
    /// <summary>For days: the start of the second day onwards (the period's rows are all before its end).</summary>
    public IReadOnlyList<DateTimeOffset>? DayStarts { get; }

    public static SampleGroup None { get; } = new(null, null);
    public static SampleGroup Agent { get; } = new(nameof(ReportSample.Agent), null);
    public static SampleGroup Channel { get; } = new(nameof(ReportSample.Channel), null);
    public static SampleGroup Days(IReadOnlyList<DateTimeOffset> dayStarts) => new(null, dayStarts);
}

/// <summary>Per group: how many samples, how many distinct conversations, how many with a value of 4 or more (ratings).</summary>
internal sealed record SampleTally(int Count, int Conversations, int Good);

/// <summary>
/// Ranks and counts samples in the database. The LINQ source is compiled by EF (so scope, filters and the provider's
/// value conversions are EF's) and wrapped in portable SQL — ROW_NUMBER and COUNT OVER a partition, integer
/// arithmetic for the ranks, a CASE for the clinic day — that runs on SQLite and SQL Server alike.
/// Nearest rank: the p-th percentile of n values sorted ascending is the value at rank ceil(p·n):
/// median ceil(n/2) = (n + 1) / 2, p90 ceil(9n/10) = (9n + 9) / 10 in integer division.
/// </summary>
internal static class SampleAggregates
{
    /// <summary>Count, median and p90 of the values, per group (groups without samples are absent).</summary>
    public static async Task<Dictionary<string, Percentiles>> RankAsync(this IQueryable<ReportSample> source, InboxDbContext db, SampleGroup group, CancellationToken ct)
    {
        var rows = await QueryAsync<RankRow>(source, db, group, inner => $"""
            SELECT r.g AS "G", CAST(r.n AS INT) AS "N", CAST(r.rn AS INT) AS "Rank", CAST(r.v AS INT) AS "Value" FROM (
              SELECT b.g, b.v, ROW_NUMBER() OVER (PARTITION BY b.g ORDER BY b.v) AS rn, COUNT(*) OVER (PARTITION BY b.g) AS n
              FROM ({inner}) AS b) AS r
            WHERE r.rn = (r.n + 1) / 2 OR r.rn = (9 * r.n + 9) / 10
            """, ct);
        var result = new Dictionary<string, Percentiles>();
        foreach (var row in rows)
        {
            var key = row.G ?? "";
            var figure = result.GetValueOrDefault(key) ?? new Percentiles(row.N, null, null);
            if (row.Rank == (row.N + 1) / 2) figure = figure with { Median = row.Value };
            if (row.Rank == (9 * row.N + 9) / 10) figure = figure with { P90 = row.Value };
            result[key] = figure;
        }
        return result;
    }

    /// <summary>Samples, distinct conversations and values of 4 or more, per group.</summary>
    public static async Task<Dictionary<string, SampleTally>> TallyAsync(this IQueryable<ReportSample> source, InboxDbContext db, SampleGroup group, CancellationToken ct)
    {
        var rows = await QueryAsync<TallyRow>(source, db, group, inner => $"""
            SELECT b.g AS "G", CAST(COUNT(*) AS INT) AS "N", CAST(COUNT(DISTINCT b.c) AS INT) AS "Conversations",
              CAST(SUM(CASE WHEN b.v >= 4 THEN 1 ELSE 0 END) AS INT) AS "Good"
            FROM ({inner}) AS b GROUP BY b.g
            """, ct);
        return rows.ToDictionary(r => r.G ?? "", r => new SampleTally(r.N, r.Conversations, r.Good ?? 0));
    }

    private sealed class RankRow
    {
        public string? G { get; init; }
        public int N { get; init; }
        public int Rank { get; init; }
        public int Value { get; init; }
    }

    private sealed class TallyRow
    {
        public string? G { get; init; }
        public int N { get; init; }
        public int Conversations { get; init; }
        public int? Good { get; init; }
    }

    /// <summary>
    /// EF compiles the source (its SQL and converted parameters), the wrapper goes round it, and EF runs the whole
    /// (so interceptors and connection handling are the usual ones). The key is text in both providers: "" for one
    /// figure, the person's id, the channel's name or the day's index.
    /// </summary>
    private static async Task<List<TRow>> QueryAsync<TRow>(IQueryable<ReportSample> source, InboxDbContext db, SampleGroup group, Func<string, string> wrap, CancellationToken ct)
    {
        await using var command = source.CreateDbCommand();
        var key = group.Column is { } column ? $"s.\"{column}\"" : group.DayStarts is { } starts ? DayCase(command, db, starts) : "NULL";
        var inner = $"SELECT CAST({key} AS NVARCHAR(128)) AS g, s.\"{nameof(ReportSample.Value)}\" AS v, s.\"{nameof(ReportSample.ConversationId)}\" AS c FROM ({command.CommandText}) AS s";
        // A parameter belongs to one command: take them off the compiled one before handing them on.
        var parameters = command.Parameters.Cast<DbParameter>().ToArray();
        command.Parameters.Clear();
        return await db.Database.SqlQueryRaw<TRow>(wrap(inner), parameters).ToListAsync(ct);
    }

    /// <summary>
    /// The clinic day of s.At as its index in the period: CASE WHEN At &lt; start of day 2 THEN 0 … ELSE last. The
    /// boundaries are parameters converted by the model's own mapping for these columns (binary on SQLite).
    /// </summary>
    private static string DayCase(DbCommand command, InboxDbContext db, IReadOnlyList<DateTimeOffset> starts)
    {
        if (starts.Count == 0) return "0";
        var mapping = (RelationalTypeMapping)db.Model.FindEntityType(typeof(Message))!.FindProperty(nameof(Message.CreatedAt))!.GetTypeMapping();
        var sql = new StringBuilder("CASE");
        for (var i = 0; i < starts.Count; i++)
        {
            var name = $"@report_day_{i}";
            command.Parameters.Add(mapping.CreateParameter(command, name, starts[i]));
            sql.Append(CultureInfo.InvariantCulture, $" WHEN s.\"{nameof(ReportSample.At)}\" < {name} THEN {i}");
        }
        return sql.Append(CultureInfo.InvariantCulture, $" ELSE {starts.Count} END").ToString();
    }
}
