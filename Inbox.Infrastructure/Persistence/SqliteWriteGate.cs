namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// SQLite allows one writer at a time. When two connections of this process race for the write lock,
/// the loser gets SQLITE_BUSY and Microsoft.Data.Sqlite retries by sleeping (around 150 ms a try), which
/// turned webhook acknowledgements into second-long stalls under load. The hot writers (the webhook
/// group commit and the inbound processor) queue here instead and hand the lock over without sleeping.
/// On SQL Server the database's own row locks do this job, so the gate lets everyone through.
/// </summary>
public sealed class SqliteWriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(InboxDbContext db, CancellationToken ct)
    {
        if (db is not SqliteInboxDbContext) return Open.Instance;
        await _gate.WaitAsync(ct);
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
