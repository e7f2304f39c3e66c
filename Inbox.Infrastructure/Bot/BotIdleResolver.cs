using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Bot;

/// <summary>
/// Closes conversations the bot handled on its own once they go quiet (<c>Bot:ResolveIdleAfter</c>, default 24 h):
/// the patient got their answer and nobody needs to act. Without it a contained episode would never end, and the
/// reports' bot containment (episodes resolved with no human reply) could only count what staff tidied up by hand.
/// Resolved by nobody (no person is credited), no survey; the patient's next message starts a new episode with the bot.
/// </summary>
internal sealed class BotIdleResolver(
    IServiceScopeFactory scopes,
    IInboxNotifier notifier,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<BotIdleResolver> logger) : QueueDrainer(logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan DefaultIdleAfter = TimeSpan.FromHours(24);

    protected override string Work => "Idle bot conversations";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => ResolveIdleAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => Task.Delay(Interval, clock, ct);

    public TimeSpan IdleAfter => configuration.GetValue<TimeSpan?>("Bot:ResolveIdleAfter") ?? DefaultIdleAfter;

    public async Task<int> ResolveIdleAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var now = clock.GetUtcNow();
        var quietSince = now - IdleAfter;
        // Seeks the (Status, LastMessageAt, Id) index; the bot's own threads are checked on the rows read.
        var idle = await db.Conversations
            .Where(c => c.Status == ConversationStatus.Open && c.HandledBy == HandledBy.Bot && c.LastMessageAt < quietSince && c.MergedIntoConversationId == null)
            .OrderBy(c => c.LastMessageAt).Take(BatchSize).ToListAsync(ct);
        if (idle.Count == 0) return 0;
        var ids = idle.Select(c => c.Id).ToList();
        var lastChannels = await db.Messages.AsNoTracking().Where(m => ids.Contains(m.ConversationId))
            .GroupBy(m => m.ConversationId)
            .Select(g => g.OrderByDescending(m => m.CreatedAt).Select(m => new { m.ConversationId, m.Channel, m.AccountId }).First())
            .ToListAsync(ct);
        var hours = (int)Math.Round(IdleAfter.TotalHours);
        foreach (var conversation in idle)
        {
            db.ConversationEpisodes.Add(conversation.Resolve(now, by: null));
            if (lastChannels.FirstOrDefault(l => l.ConversationId == conversation.Id) is { } last)
                db.Messages.Add(Message.Activity(conversation.Id, last.Channel, last.AccountId,
                    $"Resolved automatically: the bot answered and nobody wrote for {hours} h", MessageAuthor.System, now));
        }
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync(idle.Select(c => new InboxChange(InboxChangeKind.ConversationUpdated, c.Id)).ToList(), ct);
        return idle.Count;
    }
}
