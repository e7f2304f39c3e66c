using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Inbox.Tests.Reports;

/// <summary>
/// The report queries on SQLite's plans: every table is reached through an index range or key (never a full scan of
/// Messages, episodes, conversations or surveys), and the number of queries does not depend on the data.
/// </summary>
public sealed class ReportQueryPlanTests(ReportMetricsTests.Clinic clinic) : IClassFixture<ReportMetricsTests.Clinic>
{
    private static readonly TimeZoneInfo Berlin = ReportMetricsTests.Berlin;

    public static TheoryData<string, int> Loads => new()
    {
        { "summary", 8 }, { "trend", 4 }, { "per person", 5 }, { "per channel", 5 }, { "comments", 3 }, { "drill", 3 },
    };

    private static Task Load(string name, ReportQueries q, ReportFilter filter, InboxScope scope) => name switch
    {
        "summary" => q.SummaryAsync(filter, scope, CancellationToken.None),
        "trend" => q.TrendAsync(filter, Berlin, scope, CancellationToken.None),
        "per person" => q.ByAgentAsync(filter, scope, CancellationToken.None),
        "per channel" => q.ByChannelAsync(filter, scope, CancellationToken.None),
        "comments" => q.CommentsAsync(filter, scope, null, 20, CancellationToken.None),
        _ => q.DrillAsync(filter, ReportMetric.FirstResponse, null, scope, 50, CancellationToken.None),
    };

    [Theory]
    [MemberData(nameof(Loads))]
    public async Task Each_report_seeks_its_rows_in_a_fixed_number_of_queries(string name, int queries)
    {
        var capture = new CommandCapture();
        var problems = new List<string>();
        // A busy day and an empty one, one inbox and every inbox, with and without a person: the same queries, each a seek.
        foreach (var day in new[] { new DateOnly(2026, 3, 10), new DateOnly(2026, 1, 5) })
        foreach (var scope in new[] { InboxScope.Only([clinic.Front]), InboxScope.All })
        foreach (var agent in new[] { null, "ana" })
        {
            capture.Clear();
            await using (var db = clinic.Set.CreateDbContext(capture))
                await Load(name, new ReportQueries(db), ReportFilter.ForDays(day, day, Berlin, agentId: agent), scope);
            var where = $"{name} / {day} / {(scope.SeesAll ? "all" : "one inbox")} / {agent ?? "everyone"}";
            // The most queries: a busy day with a person (whose messages in and out are read apart); without a person
            // both directions are one read, and with nothing found no names are looked up: fewer, never more.
            var expected = day.Month == 3 && agent is not null ? capture.All.Count == queries : capture.All.Count <= queries;
            if (!expected) problems.Add($"{where}: {capture.All.Count} queries, expected {queries}");
            foreach (var query in capture.All)
            foreach (var step in Plan(query))
            {
                if (FullScan(step, query.Sql)) problems.Add($"{where}: {step} in {query.Sql[..Math.Min(120, query.Sql.Length)]}");
                // Counting messages never reads their rows: the (CreatedAt, Direction, Type, Channel, ConversationId, AuthorId) index covers it.
                if (query.Sql.Contains("FROM \"Messages\" AS \"m\"", StringComparison.Ordinal) && step.StartsWith("SEARCH m ", StringComparison.Ordinal)
                    && !step.Contains("COVERING INDEX", StringComparison.Ordinal)) problems.Add($"{where}: reads message rows: {step}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>A table read whole: a SCAN, without an index, of an alias the SQL gives a table (derived tables are fine).</summary>
    private static bool FullScan(string step, string sql)
    {
        if (!step.StartsWith("SCAN ", StringComparison.Ordinal) || step.Contains("INDEX", StringComparison.Ordinal)) return false;
        var alias = step["SCAN ".Length..].Split(' ')[0];
        return System.Text.RegularExpressions.Regex.IsMatch(sql, $"FROM \"\\w+\" AS \"{alias}\"|JOIN \"\\w+\" AS \"{alias}\"");
    }

    private List<string> Plan(CommandCapture.Captured query) => QueryPlans.Of(clinic.Set.DatabasePath, query);
}
