using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// Every SaveChangesAsync without a transaction of its own on SQLite (replies, outbound sends, sessions, sign-in lockout counts) waits its
/// turn at the <see cref="SqliteWriteGate"/> instead of racing the webhook writers and sleeping on
/// SQLITE_BUSY. Code that opens its own transaction takes the turn itself, before the transaction begins,
/// so a save inside such a transaction passes straight through.
/// </summary>
internal sealed class SqliteWriteTurnInterceptor(SqliteWriteGate gate) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IDisposable> _turns = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is SqliteInboxDbContext db && db.Database.CurrentTransaction is null)
            _turns.AddOrUpdate(db, await gate.EnterAsync(db, cancellationToken));
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    private void Release(DbContext? context)
    {
        if (context is not null && _turns.TryGetValue(context, out var turn))
        {
            _turns.Remove(context);
            turn.Dispose();
        }
    }
}
