using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Inbox.Tests.Integration;

/// <summary>Both migration sets stay in step with the model; SQL Server's is checked without a server.</summary>
public sealed class MigrationTests
{
    // Never connected to: scripting needs the provider, not a server.
    private static SqlServerInboxDbContext SqlServer() =>
        new(new DbContextOptionsBuilder<SqlServerInboxDbContext>().UseSqlServer("Server=none;Database=Inbox;Trusted_Connection=True;TrustServerCertificate=True").Options);

    private static SqliteInboxDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite("Data Source=:memory:").Options);

    [Fact]
    public void SqlServer_migrations_script_idempotently_without_a_server()
    {
        using var db = SqlServer();

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Messages]", script);
        Assert.Contains("CREATE TABLE [ApiKeys]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Messages_Channel_ProviderMessageId]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ApiKeys_KeyHash]", script);
        Assert.Contains("IF NOT EXISTS", script);
    }

    [Fact]
    public void SqlServer_create_script_matches_the_model()
    {
        using var db = SqlServer();

        var script = db.Database.GenerateCreateScript();

        Assert.Contains("CREATE TABLE [Messages]", script);
        Assert.Contains("[KeyHash] char(64) NOT NULL", script);
    }

    [Fact]
    public void SqlServer_model_has_no_changes_missing_a_migration()
    {
        using var db = SqlServer();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Sqlite_model_has_no_changes_missing_a_migration()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void Each_context_sees_only_its_own_migration_set()
    {
        using var sqlServer = SqlServer();
        using var sqlite = Sqlite();

        var sqlServerTypes = sqlServer.GetService<IMigrationsAssembly>().Migrations.Values.ToList();
        var sqliteTypes = sqlite.GetService<IMigrationsAssembly>().Migrations.Values.ToList();

        Assert.NotEmpty(sqlServerTypes);
        Assert.NotEmpty(sqliteTypes);
        Assert.All(sqlServerTypes, t => Assert.EndsWith(".Migrations.SqlServer", t.AsType().Namespace));
        Assert.All(sqliteTypes, t => Assert.EndsWith(".Migrations.Sqlite", t.AsType().Namespace));
    }
}
