using System.Diagnostics;
using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Persistence.Bulk;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// `generate-demo [--conversations 100000] [--messages 1000000] [--force]`: fills the database with a large,
/// realistic clinic to try Inbox at scale. Entities are built by the domain (so conversations agree with
/// their messages) and written with prepared statements in large transactions (SQLite only).
/// </summary>
public static class DemoDataGenerator
{
    private const int ConversationsPerTransaction = 2_000;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken ct = default)
    {
        var conversations = Option(args, "--conversations", 100_000);
        var messages = Math.Max(Option(args, "--messages", 1_000_000), conversations);
        await using var scope = services.CreateAsyncScope();
        var environment = scope.ServiceProvider.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment() && !args.Contains("--force"))
        {
            Console.Error.WriteLine($"generate-demo writes fake patients; it runs in Development only (this is {environment.EnvironmentName}). Add --force if you really mean it.");
            return 2;
        }
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        if (db is not SqliteInboxDbContext)
        {
            Console.Error.WriteLine("generate-demo supports SQLite only. For SQL Server, generate into a SQLite file and copy the tables with your usual tools.");
            return 2;
        }
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var accounts = new Dictionary<ChannelKind, string>
        {
            [ChannelKind.WhatsApp] = config["Channels:WhatsApp:PhoneNumberId"] ?? "demo-whatsapp",
            [ChannelKind.Messenger] = config["Channels:Messenger:PageId"] ?? "demo-page",
            [ChannelKind.Line] = config["Channels:Line:ChannelId"] ?? Channels.Line.LineRegistration.Schema.DefaultAccountId!,
        };

        var clock = Stopwatch.StartNew();
        await db.Database.OpenConnectionAsync(ct);
        // Demo data can be generated again: no sync per commit (WAL stays consistent either way).
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous=NORMAL;", ct);
        var random = new Random(20261123);
        var counts = MessageCounts(random, conversations, messages);
        var run = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var directory = scope.ServiceProvider.GetRequiredService<ChannelAccountDirectory>();
        await directory.SyncAsync(ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).Select(u => u.Id).ToListAsync(ct);
        var writer = new DemoConversationWriter(random, accounts, directory.DefaultInboxId, DateTimeOffset.UtcNow, run, staff);
        for (var start = 0; start < conversations; start += ConversationsPerTransaction)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await using (var rows = new DemoRows(db))
            {
                for (var i = start; i < Math.Min(conversations, start + ConversationsPerTransaction); i++)
                    await writer.WriteAsync(rows, i, counts[i], ct);
            }
            await tx.CommitAsync(ct);
            var done = Math.Min(conversations, start + ConversationsPerTransaction);
            if (done % 10_000 == 0 || done == conversations)
                Console.WriteLine($"  {done:N0} conversations, {writer.Messages:N0} messages ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        Console.WriteLine($"Generated {conversations:N0} conversations and {writer.Messages:N0} messages in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary>Messages per conversation: mostly short threads, some long ones, adding up exactly to the total.</summary>
    private static int[] MessageCounts(Random random, int conversations, int messages)
    {
        var average = (double)messages / conversations;
        var counts = new int[conversations];
        long sum = 0;
        for (var i = 0; i < conversations; i++)
        {
            // Exponential around the average, at least one message.
            counts[i] = Math.Max(1, (int)Math.Round(-Math.Log(1 - random.NextDouble()) * average));
            sum += counts[i];
        }
        // Nudge threads up or down until the total is exact (bounded: every pass moves the sum by one).
        for (var guard = 0; sum != messages && guard < 10 * (long)messages; guard++)
        {
            var i = random.Next(conversations);
            if (sum < messages) { counts[i]++; sum++; }
            else if (counts[i] > 1) { counts[i]--; sum--; }
        }
        return counts;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
    }
}

/// <summary>The prepared INSERTs of one transaction, parents first.</summary>
internal sealed class DemoRows(DbContext db) : IAsyncDisposable
{
    public PreparedRowCommand Contacts { get; } = PreparedRowCommand.Insert(db, typeof(Contact));
    public PreparedRowCommand Identities { get; } = PreparedRowCommand.Insert(db, typeof(ChannelIdentity));
    public PreparedRowCommand Conversations { get; } = PreparedRowCommand.Insert(db, typeof(Conversation));
    public PreparedRowCommand Messages { get; } = PreparedRowCommand.Insert(db, typeof(Message));
    public PreparedRowCommand Episodes { get; } = PreparedRowCommand.Insert(db, typeof(ConversationEpisode));
    public PreparedRowCommand Surveys { get; } = PreparedRowCommand.Insert(db, typeof(Inbox.Core.Csat.CsatSurvey));

    public async ValueTask DisposeAsync()
    {
        await Contacts.DisposeAsync();
        await Identities.DisposeAsync();
        await Conversations.DisposeAsync();
        await Messages.DisposeAsync();
        await Episodes.DisposeAsync();
        await Surveys.DisposeAsync();
    }
}
