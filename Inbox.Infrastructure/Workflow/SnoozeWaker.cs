using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Workflow;

/// <summary>Wakes snoozed conversations whose time has come (checked every <see cref="Interval"/>), and tells open inboxes.</summary>
internal sealed class SnoozeWaker(
    IServiceScopeFactory scopes,
    IInboxNotifier notifier,
    AutoAssignWork autoAssign,
    TimeProvider clock,
    ILogger<SnoozeWaker> logger) : QueueDrainer(logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override string Work => "Snooze wake-ups";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => WakeDueAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => Task.Delay(Interval, clock, ct);

    public async Task<int> WakeDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var now = clock.GetUtcNow();
        // Seeks the (Status, …) index: snoozed threads are few.
        var due = await db.Conversations.Where(c => c.Status == ConversationStatus.Snoozed && c.SnoozedUntil != null && c.SnoozedUntil <= now
                && c.MergedIntoConversationId == null)
            .OrderBy(c => c.SnoozedUntil).Take(BatchSize).ToListAsync(ct);
        var woken = due.Where(c => c.WakeIfDue(now)).ToList();
        if (woken.Count == 0) return 0;
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(woken.Select(c => new InboxChange(InboxChangeKind.ConversationUpdated, c.Id)).ToList(), ct);
        autoAssign.Pulse();
        return woken.Count;
    }
}
