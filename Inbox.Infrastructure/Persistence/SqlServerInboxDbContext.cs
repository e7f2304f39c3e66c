using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence;

public sealed class SqlServerInboxDbContext(DbContextOptions<SqlServerInboxDbContext> options) : InboxDbContext(options);
