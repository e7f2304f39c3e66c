using Inbox.Core.Contacts;
using Inbox.Infrastructure.Persistence;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>On SQLite, an ordinary save queues behind the webhook writers instead of racing them for the lock.</summary>
public sealed class SqliteWriteTurnTests(SqliteWriteTurnTests.App app) : IClassFixture<SqliteWriteTurnTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Fact]
    public async Task A_plain_save_waits_for_its_turn_and_then_goes_through()
    {
        var gate = app.Services.GetRequiredService<SqliteWriteGate>();
        await using var holder = app.CreateDbContext();
        var turn = await gate.EnterAsync(holder, CancellationToken.None);

        var save = Task.Run(async () =>
        {
            await using var db = app.CreateDbContext();
            db.Contacts.Add(new Contact("Queued Writer", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        });

        await Eventually.TrueAsync(() => Task.FromResult(gate.Waiting == 1), because: "the save queues at the gate");
        Assert.False(save.IsCompleted);

        turn.Dispose();
        await save;
        await using var check = app.CreateDbContext();
        Assert.True(await check.Contacts.AnyAsync(c => c.Name == "Queued Writer"));
        Assert.Equal(0, gate.Waiting);
    }
}
