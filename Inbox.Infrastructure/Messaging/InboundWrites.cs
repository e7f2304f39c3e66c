using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Bulk;

namespace Inbox.Infrastructure.Messaging;

/// <summary>
/// What applying a batch created and changed. The applier works on untracked entities and records its
/// writes here, so nothing pays for EF change detection over thousands of rows; <see cref="SaveAsync"/>
/// then writes them the cheapest way the provider allows.
/// </summary>
internal sealed class InboundWrites
{
    // Parents before children: foreign keys are checked as each row goes in.
    private static readonly Type[] Order = [typeof(Contact), typeof(ChannelIdentity), typeof(Conversation), typeof(Message), typeof(Bot.PendingBotTurn)];

    private readonly List<object> _added = [];
    private readonly HashSet<object> _updated = new(ReferenceEqualityComparer.Instance);

    /// <summary>A message was put in the outbound queue (the survey's thanks): the dispatcher is woken after commit.</summary>
    public bool QueuedOutbound { get; set; }

    public void Added(object entity) => _added.Add(entity);

    public void Updated(object entity) => _updated.Add(entity);

    public async Task SaveAsync(InboxDbContext db, CancellationToken ct)
    {
        _updated.ExceptWith(_added);
        if (db is SqliteInboxDbContext)
        {
            // Prepared statements inside the caller's transaction: one parse per type, then bind and step per row.
            foreach (var group in _added.GroupBy(e => e.GetType()).OrderBy(g => Array.IndexOf(Order, g.Key)))
            {
                await using var insert = PreparedRowCommand.Insert(db, group.Key);
                foreach (var entity in group) await insert.ExecuteAsync(entity, ct);
            }
            foreach (var group in _updated.GroupBy(e => e.GetType()))
            {
                await using var update = PreparedRowCommand.Update(db, group.Key);
                foreach (var entity in group) await update.ExecuteAsync(entity, ct);
            }
            return;
        }
        // SQL Server: EF batches many statements per round trip, which beats a round trip per row.
        db.AddRange(_added);
        db.UpdateRange(_updated);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
