using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Bot;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>A turn the bot cannot take (a bug, a broken engine) hands the patient to people and never blocks the turns behind it.</summary>
public sealed class BotRunnerFailureTests : IDisposable
{
    private sealed class BrokenEngine : IBotEngine
    {
        public BotDecision Decide(BotTurn turn) => throw new InvalidOperationException("engine bug");
    }

    private readonly InboxWebApplicationFactory _app = new(services: s => s.AddSingleton<IBotEngine, BrokenEngine>());

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task A_failing_turn_hands_over_and_the_next_patient_is_still_served()
    {
        _app.CreateClient().Dispose();
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Inbox.Infrastructure.Persistence.InboxDbContext>();
            var inbox = await db.SharedInboxes.OrderBy(i => i.CreatedAt).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<BotFlowAdmin>().SetEnabledAsync(inbox.Id, true, new AuditActor("system", "test", "Test"), CancellationToken.None);
        }

        (await _app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Batch(("15550990001", "One", "Hi"), ("15550990002", "Two", "Hello")))).EnsureSuccessStatusCode();

        await using var read = _app.CreateDbContext();
        var handedOver = await Eventually.GetAsync(() => read.Conversations.AsNoTracking().Where(c => c.HandledBy == HandledBy.Human).ToListAsync(),
            list => list.Count == 2, because: "both failing turns hand over instead of blocking the queue");
        Assert.All(handedOver, c => Assert.Equal("The bot could not answer", c.HandoverReason));
        Assert.False(await read.PendingBotTurns.AnyAsync());
    }
}
