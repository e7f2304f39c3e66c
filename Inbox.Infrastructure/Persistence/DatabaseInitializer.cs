using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Persistence;

/// <summary>Brings the database to the latest migration before the app serves anything.</summary>
public static class DatabaseInitializer
{
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));

        if (db.Database.IsSqlite())
        {
            // WAL lets the inbox read while webhooks write; the setting is stored in the file.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await MessageSearchIndex.EnsureSqliteAsync(db, ct);
        logger.LogInformation("Database ready ({Provider}); {Count} migration(s) applied", db.Database.ProviderName, pending.Count);
    }
}
