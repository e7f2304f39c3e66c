using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Inbox.Infrastructure.Persistence;

// Used only by `dotnet ef` so that migrations can be added and scripted without DI or a live server.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteInboxDbContext>
{
    public SqliteInboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerInboxDbContext>
{
    public SqlServerInboxDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerInboxDbContext>().UseSqlServer("Server=design-time;Database=Inbox;Trusted_Connection=True;TrustServerCertificate=True").Options);
}
