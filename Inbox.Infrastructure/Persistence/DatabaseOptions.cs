namespace Inbox.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, SqlServer }

/// <summary>`Database:Provider` picks the provider; `ConnectionStrings:Inbox` says where the database is.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Used when `ConnectionStrings:Inbox` is empty: a SQLite file under the app's data folder.</summary>
    public const string DefaultSqliteConnection = "Data Source=data/inbox.db";
}
