using Inbox.Core.Teams;
using System.Diagnostics;
using Inbox.Core.Conversations;
using Inbox.Infrastructure;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Bench;

/// <summary>
/// Times the inbox's own read queries (IConversationQueries, as the app registers it) on a database,
/// warm, median of N runs, and prints SQLite's plan for each so a full scan or a sort stands out.
/// </summary>
internal static class ListBenchmark
{
    public static async Task<int> RunAsync(Options o)
    {
        var path = o.Text("db");
        if (path is null || !File.Exists(path)) { Console.Error.WriteLine("--db <existing sqlite file> is required"); return 2; }
        var runs = o.Int("runs", 21);
        var depth = o.Int("depth", 200);
        var limit = o.Int("limit", 50);

        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Inbox"] = $"Data Source={Path.GetFullPath(path)}",
        }).Build();
        var capture = new CommandCapture();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(config);
        services.AddInfrastructure(config, Directory.GetCurrentDirectory());
        services.ConfigureDbContext<SqliteInboxDbContext>(b => b.AddInterceptors(capture));
        // No pages listen here: a merge's live changes go nowhere.
        services.AddSingleton<Inbox.Core.Realtime.IInboxNotifier, SilentNotifier>();
        await using var provider = services.BuildServiceProvider();
        var plans = new QueryPlans(path);

        Task<T> Time<T>(string name, Func<IConversationQueries, Task<T>> query) => TimeWith(name, query);

        async Task<T> TimeWith<T, TService>(string name, Func<TService, Task<T>> query) where TService : notnull
        {
            var ms = new double[runs];
            T result = default!;
            for (var i = -1; i < runs; i++)   // run -1 warms up (compiles the query, fills the page cache)
            {
                await using var scope = provider.CreateAsyncScope();
                var queries = scope.ServiceProvider.GetRequiredService<TService>();
                var clock = Stopwatch.StartNew();
                result = await query(queries);
                if (i >= 0) ms[i] = clock.Elapsed.TotalMilliseconds;
            }
            Array.Sort(ms);
            Console.WriteLine($"{name,-34} median {ms[runs / 2],7:F2} ms   p90 {ms[(int)(runs * 0.9)],7:F2} ms   max {ms[^1],7:F2} ms");
            plans.Print(capture.Last!);
            return result;
        }

        Console.WriteLine($"database {path}: {plans.Count("Conversations"):N0} conversations, {plans.Count("Messages"):N0} messages; {runs} warm runs each\n");
        var first = await Time($"list, first page ({limit})", q => q.ListAsync(InboxScope.All, new ConversationFilter(), limit, null, default));
        await Time($"list, open only, first page", q => q.ListAsync(InboxScope.All, new ConversationFilter(Status: ConversationStatus.Open), limit, null, default));

        // Walk down the list the way scrolling does, then time the page there.
        var cursor = first.Next;
        await using (var scope = provider.CreateAsyncScope())
        {
            var queries = scope.ServiceProvider.GetRequiredService<IConversationQueries>();
            for (var page = 1; page < depth && cursor is not null; page++) cursor = (await queries.ListAsync(InboxScope.All, new ConversationFilter(), limit, cursor, default)).Next;
        }
        await Time($"list, page {depth} (row {depth * limit:N0})", q => q.ListAsync(InboxScope.All, new ConversationFilter(), limit, cursor, default));

        var busiest = first.Items[0].Id;
        await Time($"thread, first page ({limit})", q => q.MessagesAsync(InboxScope.All, busiest, limit, null, default));
        await Time($"thread, latest {limit}", q => q.LatestMessagesAsync(InboxScope.All, busiest, limit, default));

        // A receptionist's list: only the inboxes her teams serve (here: the first inbox).
        var inbox = await plans.FirstInboxAsync();
        await Time($"list, one inbox's scope ({limit})", q => q.ListAsync(InboxScope.Only([inbox]), new ConversationFilter(), limit, null, default));

        // The inbox's views and filters (issue 6): what a receptionist clicks all day, in her inbox's scope.
        var me = await plans.FirstAssigneeAsync() ?? "nobody";
        foreach (var view in Enum.GetValues<InboxView>())
            await Time($"view {view}, one inbox ({limit})", q => q.ListAsync(InboxScope.Only([inbox]), new ConversationFilter(ViewerId: me).For(view, me), limit, null, default));
        await Time("view counts (6 COUNTs), one inbox", q => q.CountsAsync(InboxScope.Only([inbox]), me, new ConversationFilter(), default));
        await Time("all open + priority urgent", q => q.ListAsync(InboxScope.Only([inbox]), new ConversationFilter(Priority: Priority.Urgent, ViewerId: me).For(InboxView.AllOpen, me), limit, null, default));
        await Time("all open + channel LINE", q => q.ListAsync(InboxScope.Only([inbox]), new ConversationFilter(Channel: Inbox.Core.Channels.ChannelKind.Line, ViewerId: me).For(InboxView.AllOpen, me), limit, null, default));
        await Time("all open + label (none match: worst case)", q => q.ListAsync(InboxScope.Only([inbox]), new ConversationFilter(LabelId: Guid.NewGuid(), ViewerId: me).For(InboxView.AllOpen, me), limit, null, default));
        await Time("resolved + assignee (admin scope)", q => q.ListAsync(InboxScope.All, new ConversationFilter(AssigneeId: me, ViewerId: me).For(InboxView.Resolved, me), limit, null, default));

        // Duplicate suggestions for the patient of the newest conversation (demo names repeat, so candidates exist).
        var contact = first.Items[0].ContactId;
        var found = await TimeWith<IReadOnlyList<Inbox.Core.Contacts.DuplicateSuggestion>, Inbox.Core.Contacts.IDuplicateFinder>(
            "duplicates of one contact", f => f.FindAsync(InboxScope.All, contact, 10, default));
        Console.WriteLine($"  ({found.Count} suggestions, {plans.Count("Contacts"):N0} contacts)");

        // The review queue: pairs sharing a phone, an email, or a (similar) name with a date of birth.
        var pairs = await TimeWith<IReadOnlyList<Inbox.Core.Contacts.Merging.DuplicatePair>, Inbox.Core.Contacts.Merging.IMergeReview>(
            "duplicate review queue (100 pairs)", r => r.QueueAsync(InboxScope.All, 0.6, 100, default));
        await TimeWith<IReadOnlyList<Inbox.Core.Contacts.Merging.DuplicatePair>, Inbox.Core.Contacts.Merging.IMergeReview>(
            "duplicate review queue, one inbox", r => r.QueueAsync(InboxScope.Only([inbox]), 0.6, 100, default));
        Console.WriteLine($"  ({pairs.Count} pairs)");

        // One merge and its undo on the two newest conversations' patients (the database ends as it began).
        if (first.Items.Select(i => i.ContactId).Distinct().Take(2).ToList() is [var survivor, var merged])
        {
            var actor = new Inbox.Core.Audit.AuditActor("staff", "bench", "Bench");
            await using var scope = provider.CreateAsyncScope();
            var merger = scope.ServiceProvider.GetRequiredService<Inbox.Core.Contacts.Merging.IContactMerger>();
            var clock = Stopwatch.StartNew();
            var merge = await merger.MergeAsync(InboxScope.All, new Inbox.Core.Contacts.Merging.MergeRequest(survivor, merged), actor, default);
            var mergeMs = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            var undo = await merger.UnmergeAsync(InboxScope.All, merge.Merge!.Id, actor, default);
            Console.WriteLine($"{"merge, then unmerge (one each)",-34} merge {mergeMs,7:F1} ms ({merge.Outcome})   unmerge {clock.Elapsed.TotalMilliseconds,7:F1} ms ({undo.Outcome})");
        }
        return 0;
    }
}

internal sealed class SilentNotifier : Inbox.Core.Realtime.IInboxNotifier
{
    public ValueTask PublishAsync(IReadOnlyList<Inbox.Core.Realtime.InboxChange> changes, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
