using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Persistence;

internal static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddPersistence(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        // The connection string is read when the first context is built, so hosts that add configuration late still win.
        if (options.Provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<InboxDbContext, SqlServerInboxDbContext>((sp, o) => o.UseSqlServer(
                sp.GetRequiredService<IConfiguration>().GetConnectionString("Inbox") is { Length: > 0 } sql
                    ? sql
                    : throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Inbox is empty."),
                // The only multi-collection loads are teams (a few members and inboxes each): one query is cheaper.
                sql => sql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery)));
        }
        else
        {
            services.AddSingleton(sp => new SqliteConnectionString(ResolveSqlite(sp.GetRequiredService<IConfiguration>().GetConnectionString("Inbox"), contentRoot)));
            services.AddSingleton<SqliteWriteTurnInterceptor>();
            services.AddDbContext<InboxDbContext, SqliteInboxDbContext>((sp, o) => o
                .UseSqlite(sp.GetRequiredService<SqliteConnectionString>().Value, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(sp.GetRequiredService<SqliteWriteTurnInterceptor>()));
        }
        services.AddSingleton(options);
        services.AddSingleton<SqliteWriteGate>();
        return services;
    }

    /// <summary>Relative file paths are taken from the app's content root, and the folder is created.</summary>
    private static string ResolveSqlite(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString) ? DatabaseOptions.DefaultSqliteConnection : connectionString);
        if (builder.DataSource != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(builder.DataSource)) builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
            Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        }
        // Writers wait for each other instead of failing with "database is locked".
        if (builder.DefaultTimeout < 30) builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    private sealed record SqliteConnectionString(string Value);
}
