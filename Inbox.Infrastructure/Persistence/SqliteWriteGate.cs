namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time. When two connections of this process race for the write lock,
/// the loser gets SQLITE_BUSY and Microsoft.Data.Sqlite retries by sleeping (around 150 ms a try), which
/// turned webhook acknowledgements into second-long stalls under load. Every writer queues here instead
/// and hands the lock over without sleeping: code with its own transaction enters explicitly (webhook group
/// commit, inbound processor, audit log); every other SaveChangesAsync through <see cref="SqliteWriteTurnInterceptor"/>.
/// On SQL Server the database's own row locks do this job, so the gate lets everyone through.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _waiting;

    /// <summary>Writers queued for their turn right now (for diagnostics and tests).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public async Task<IDisposable> EnterAsync(InboxDbContext db, CancellationToken ct)
    {
        if (db is not SqliteInboxDbContext) return Open.Instance;
        Interlocked.Increment(ref _waiting);
        try { await _gate.WaitAsync(ct); }
        finally { Interlocked.Decrement(ref _waiting); }
        return new Held(_gate);
    }

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int _released;
        public void Dispose() { if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release(); }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();
        public void Dispose() { }
    }
}
