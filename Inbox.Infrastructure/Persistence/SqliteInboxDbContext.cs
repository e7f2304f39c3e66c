using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Infrastructure.Persistence;

public sealed class SqliteInboxDbContext(DbContextOptions<SqliteInboxDbContext> options) : InboxDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date type; stored as text, timestamps could not be compared or ordered in SQL.
        // Stored as a sortable 64-bit number instead (UTC ticks in the high bits).
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
