using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// The full-text index over message text, kept by the database itself.
/// SQLite: an external-content FTS5 table <c>MessageSearch</c> over <c>Messages.Text</c>, keyed by the Messages rowid, kept in
/// step by three triggers and filled once by 'rebuild'. SQL Server: a full-text index on <c>Messages(Text)</c> (change tracking
/// AUTO), created only where Full-Text Search is installed.
/// </summary>
public static class MessageSearchIndex
{
    public const string SqliteCreate = """
        CREATE VIRTUAL TABLE IF NOT EXISTS MessageSearch USING fts5(Text, content='Messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2');
        CREATE TRIGGER IF NOT EXISTS Messages_search_insert AFTER INSERT ON Messages BEGIN
            INSERT INTO MessageSearch(rowid, Text) VALUES (new.rowid, new.Text);
        END;
        CREATE TRIGGER IF NOT EXISTS Messages_search_delete AFTER DELETE ON Messages BEGIN
            INSERT INTO MessageSearch(MessageSearch, rowid, Text) VALUES ('delete', old.rowid, old.Text);
        END;
        CREATE TRIGGER IF NOT EXISTS Messages_search_update AFTER UPDATE OF Text ON Messages BEGIN
            INSERT INTO MessageSearch(MessageSearch, rowid, Text) VALUES ('delete', old.rowid, old.Text);
            INSERT INTO MessageSearch(rowid, Text) VALUES (new.rowid, new.Text);
        END;
        """;

    /// <summary>Re-reads every message: the backfill, and the repair after Messages was rebuilt.</summary>
    public const string SqliteRebuild = "INSERT INTO MessageSearch(MessageSearch) VALUES ('rebuild');";

    public const string SqliteDrop = """
        DROP TRIGGER IF EXISTS Messages_search_insert;
        DROP TRIGGER IF EXISTS Messages_search_delete;
        DROP TRIGGER IF EXISTS Messages_search_update;
        DROP TABLE IF EXISTS MessageSearch;
        """;

    public const string SqlServerCreate = """
        IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'InboxSearch')
                EXEC('CREATE FULLTEXT CATALOG InboxSearch');
            IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Messages'))
                EXEC('CREATE FULLTEXT INDEX ON Messages(Text) KEY INDEX PK_Messages ON InboxSearch WITH CHANGE_TRACKING AUTO');
        END
        """;

    public const string SqlServerDrop = """
        IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Messages'))
            EXEC('DROP FULLTEXT INDEX ON Messages');
        IF EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'InboxSearch')
            EXEC('DROP FULLTEXT CATALOG InboxSearch');
        """;

    /// <summary>
    /// A later migration that rebuilds the Messages table (SQLite's way to alter columns) drops its triggers and renumbers
    /// rowids: at startup, a missing trigger means "create them again and rebuild the index".
    /// </summary>
    public static async Task EnsureSqliteAsync(InboxDbContext db, CancellationToken ct)
    {
        var triggers = await db.Database.SqlQueryRaw<int>(
            "SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'Messages_search_%'").SingleAsync(ct);
        if (triggers == 3) return;
        await db.Database.ExecuteSqlRawAsync(SqliteCreate, ct);
        await db.Database.ExecuteSqlRawAsync(SqliteRebuild, ct);
    }
}
