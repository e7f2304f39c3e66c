using System.Net;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>The batched webhook store and processor keep their promises: dedupe, every message, receipts forward only.</summary>
public sealed class InboundBatchTests(InboundBatchTests.App app) : IClassFixture<InboundBatchTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Fact]
    public async Task Concurrent_webhooks_all_become_messages_in_one_thread_per_patient()
    {
        var client = app.CreateClient();
        // Unique per run: the test database may already hold earlier runs' rows.
        var tag = Guid.NewGuid().ToString("N");
        var first = Random.Shared.NextInt64(10_000_000, 99_999_999);
        var patients = new[] { $"65{first}", $"65{first + 1}", $"65{first + 2}" };
        var bodies = Enumerable.Range(0, 30).Select(i => WhatsAppPayloads.Text(patients[i % 3], $"Patient {i % 3}", $"{tag} message {i}")).ToList();

        var responses = await Task.WhenAll(bodies.Select(b => client.PostWhatsAppAsync(b)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        await Eventually.GetAsync(() => db.Messages.CountAsync(m => m.Text!.StartsWith(tag)), n => n == 30, because: "every message is processed");
        var threads = await db.Conversations.AsNoTracking()
            .Where(c => db.ChannelIdentities.Any(i => i.ContactId == c.ContactId && patients.Contains(i.ExternalId))).ToListAsync();
        Assert.Equal(3, threads.Count);
        Assert.All(threads, t => Assert.Equal(10, t.UnreadCount));
    }

    [Fact]
    public async Task A_redelivered_body_and_a_redelivered_message_are_stored_once()
    {
        var client = app.CreateClient();
        var wamid = WhatsAppPayloads.NewWamid();
        var body = WhatsAppPayloads.Text("6591200001", "Dewi Lestari", "Is my report ready? " + wamid, wamid);
        // Same message, different envelope (Meta may resend with another profile name).
        var resent = WhatsAppPayloads.Text("6591200001", "Dewi L.", "Is my report ready? " + wamid, wamid);

        Assert.Equal(HttpStatusCode.OK, (await client.PostWhatsAppAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostWhatsAppAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostWhatsAppAsync(resent)).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.RawWebhookEvents.AnyAsync(e => e.ProcessedAt == null));
        var hashes = new[] { Hash(body), Hash(resent) };
        Assert.Equal(2, await db.RawWebhookEvents.CountAsync(e => hashes.Contains(e.BodyHash)));
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ProviderMessageId == wamid));
    }

    [Fact]
    public async Task Receipts_only_move_a_message_forward()
    {
        var client = app.CreateClient();
        var hello = "Hello " + Guid.NewGuid().ToString("N");
        await client.PostWhatsAppAsync(WhatsAppPayloads.Text("6591300001", "Lukas Weber", hello));
        await using var db = app.CreateDbContext();
        var inbound = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Text == hello), m => m is not null);
        var outbound = Message.QueueOutbound(inbound!.ConversationId, inbound.ChannelIdentityId!.Value, ChannelKind.WhatsApp, inbound.AccountId, "Hi Lukas", MessageAuthor.Agent("a1", "Front desk"), DateTimeOffset.UtcNow);
        var wamid = WhatsAppPayloads.NewWamid();
        outbound.MarkSent(wamid, DateTimeOffset.UtcNow);
        db.Messages.Add(outbound);
        await db.SaveChangesAsync();

        await client.PostWhatsAppAsync(WhatsAppPayloads.Status(wamid, "read", "6591300001"));
        await client.PostWhatsAppAsync(WhatsAppPayloads.Status(wamid, "delivered", "6591300001"));

        await Eventually.TrueAsync(async () => !await db.RawWebhookEvents.AnyAsync(e => e.ProcessedAt == null));
        Assert.Equal(DeliveryStatus.Read, (await db.Messages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == wamid)).Status);
    }

    private static string Hash(string body) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)));
}
