using System.Diagnostics;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure;
using Inbox.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Bench;

/// <summary>
/// Times what the reports dashboard loads (IReportQueries as the app registers it): the summary, the previous
/// period's summary, the trend, the per-person and per-channel tables and the comment feed, for the last 7 and 30
/// clinic days, warm, median of N runs; each part alone, then the whole load in one scope as the page does it.
/// `--plans` prints SQLite's plan of every query of one load (a plain SCAN of a table or a temp B-tree is flagged).
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(Options o)
    {
        var path = o.Text("db");
        if (path is null || !File.Exists(path)) { Console.Error.WriteLine("--db <existing sqlite file> is required"); return 2; }
        var runs = o.Int("runs", 11);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.GetFullPath(path)}",
        }).Build();
        var capture = new CommandCapture();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddInfrastructure(config, Directory.GetCurrentDirectory());
        services.ConfigureDbContext<SqliteInboxDbContext>(b => b.AddInterceptors(capture));
        services.AddSingleton<Inbox.Core.Realtime.IInboxNotifier, SilentNotifier>();
        await using var provider = services.BuildServiceProvider();
        var plans = new QueryPlans(path);
        var zone = TimeZoneInfo.Local;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).DateTime);
        var scope = InboxScope.All;

        async Task<double> Time(string name, Func<IReportQueries, Task> load)
        {
            var ms = new double[runs];
            for (var i = -1; i < runs; i++)   // run -1 warms up (compiles the queries, fills the page cache)
            {
                await using var services = provider.CreateAsyncScope();
                var reports = services.ServiceProvider.GetRequiredService<IReportQueries>();
                var clock = Stopwatch.StartNew();
                await load(reports);
                if (i >= 0) ms[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(ms);
            Console.WriteLine($"{name,-40} median {ms[runs / 2],8:F1} ms   p90 {ms[(int)(runs * 0.9)],8:F1} ms   max {ms[^1],8:F1} ms");
            return ms[runs / 2];
        }

        Console.WriteLine($"database {path}: {plans.Count("Conversations"):N0} conversations, {plans.Count("Messages"):N0} messages, " +
            $"{plans.Count("ConversationEpisodes"):N0} episodes, {plans.Count("CsatSurveys"):N0} surveys; zone {zone.Id}; {runs} warm runs each\n");
        foreach (var days in new[] { 7, 30 })
        {
            var filter = ReportFilter.ForDays(today.AddDays(1 - days), today, zone);
            Console.WriteLine($"last {days} days ({filter.From:u} – {filter.To:u})");
            await Time("  summary", r => r.SummaryAsync(filter, scope, default));
            await Time("  summary, previous period", r => r.SummaryAsync(filter.Previous(), scope, default));
            await Time("  trend", r => r.TrendAsync(filter, zone, scope, default));
            await Time("  per person", r => r.ByAgentAsync(filter, scope, default));
            await Time("  per channel", r => r.ByChannelAsync(filter, scope, default));
            await Time("  comments (20)", r => r.CommentsAsync(filter, scope, null, 20, default));
            await Time("  drill-down: first response (50)", r => r.DrillAsync(filter, ReportMetric.FirstResponse, null, scope, 50, default));
            // As /reports loads it: the five period reads at once, each in its own scope, then the comment feed.
            await Time($"  WHOLE DASHBOARD, as the page ({days} days)", async _ =>
            {
                async Task Part(Func<IReportQueries, Task> read)
                {
                    await using var part = provider.CreateAsyncScope();
                    await read(part.ServiceProvider.GetRequiredService<IReportQueries>());
                }
                await Task.WhenAll(
                    Part(r => r.SummaryAsync(filter, scope, default)),
                    Part(r => r.SummaryAsync(filter.Previous(), scope, default)),
                    Part(r => r.TrendAsync(filter, zone, scope, default)),
                    Part(r => r.ByAgentAsync(filter, scope, default)),
                    Part(r => r.ByChannelAsync(filter, scope, default)));
                await Part(r => r.CommentsAsync(filter, scope, null, 20, default));
            });
            capture.All.Clear();
            await Time($"  WHOLE DASHBOARD, one after another ({days} days)", async r =>
            {
                capture.Recording = true;
                await r.SummaryAsync(filter, scope, default);
                await r.SummaryAsync(filter.Previous(), scope, default);
                await r.TrendAsync(filter, zone, scope, default);
                await r.ByAgentAsync(filter, scope, default);
                await r.ByChannelAsync(filter, scope, default);
                await r.CommentsAsync(filter, scope, null, 20, default);
                capture.Recording = false;
            });
            var perLoad = capture.All.Count / (runs + 1);
            Console.WriteLine($"  queries per dashboard load: {perLoad}\n");
            if (o.Text("plans") is not null && days == o.Int("plan-days", 30))
                foreach (var query in capture.All.Take(perLoad))
                {
                    Console.WriteLine($"  {plans.Time(query),7:F1} ms  " + query.Sql.ReplaceLineEndings(" ")[..Math.Min(160, query.Sql.Length)]);
                    plans.Print(query);
                }
        }
        return 0;
    }
}
