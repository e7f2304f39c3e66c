using Inbox.Core.Teams;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Replies leave through the durable queue to a fake Graph API; outages are retried, refusals explained.</summary>
[Collection(nameof(WhatsAppOutboundTests))]
public sealed class WhatsAppOutboundTests(WhatsAppOutboundTests.Fixture fixture) : IClassFixture<WhatsAppOutboundTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture() => App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url });

        public void Dispose()
        {
            App.Dispose();
            Graph.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;
    private FakeGraphApi Graph => fixture.Graph;

    private async Task<Guid> ConversationWithPatientAsync(string waId)
    {
        var response = await App.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Patient " + waId, "Hello"));
        response.EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        return (await db.Conversations.SingleAsync(c => c.ContactId == contact!.Id)).Id;
    }

    private async Task<ReplyResult> ReplyAsync(Guid conversationId, string text)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReplySender>()
            .QueueAsync(InboxScope.All, conversationId, text, null, MessageAuthor.Agent("a1", "Ana"), CancellationToken.None);
    }

    private async Task<Message> WaitForMessageAsync(Guid id, Func<Message, bool> condition, string because)
    {
        await using var db = App.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstAsync(m => m.Id == id), condition, because: because))!;
    }

    [Fact]
    public async Task A_reply_is_sent_to_the_graph_api_in_the_documented_shape()
    {
        Graph.AcceptAll();
        var conversation = await ConversationWithPatientAsync("15550200001");

        var result = await ReplyAsync(conversation, "Your appointment is confirmed for 10:30.");

        Assert.Equal(ReplyOutcome.Queued, result.Outcome);
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "the fake platform accepts it");
        Assert.StartsWith("wamid.fake-", sent.ProviderMessageId);
        var body = Graph.SendBodies().Single(b => b.GetProperty("to").GetString() == "+15550200001");
        Assert.Equal("whatsapp", body.GetProperty("messaging_product").GetString());
        Assert.Equal("individual", body.GetProperty("recipient_type").GetString());
        Assert.Equal("text", body.GetProperty("type").GetString());
        Assert.Equal("Your appointment is confirmed for 10:30.", body.GetProperty("text").GetProperty("body").GetString());
        Assert.Contains("Bearer test-token", Graph.AuthorizationHeaders());
    }

    [Fact]
    public async Task An_outage_keeps_the_reply_queued_and_visible_then_it_goes_out_when_the_platform_recovers()
    {
        Graph.FailAll(500);
        var conversation = await ConversationWithPatientAsync("15550200002");

        var result = await ReplyAsync(conversation, "We are here.");

        var waiting = await WaitForMessageAsync(result.MessageId!.Value, m => m.SendAttempts >= 1, "the first attempt fails");
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.NotNull(waiting.NextAttemptAt);
        Assert.Contains("retried", waiting.ErrorReason);

        Graph.AcceptAll();
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "a retry succeeds");
        Assert.True(sent.SendAttempts >= 2);
        Assert.Null(sent.ErrorReason);
    }

    [Fact]
    public async Task A_refusal_that_retrying_cannot_fix_fails_the_reply_with_a_clear_reason()
    {
        Graph.FailAll(400, FakeGraphApi.GraphError(131026, "Message Undeliverable."));
        var conversation = await ConversationWithPatientAsync("15550200003");

        var result = await ReplyAsync(conversation, "Hello?");

        var failed = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Failed, "the platform refuses it");
        Assert.Equal("131026", failed.ErrorCode);
        Assert.Contains("could not deliver", failed.ErrorReason);
        Assert.Null(failed.NextAttemptAt);
    }

    [Fact]
    public async Task Receipts_arriving_out_of_order_leave_the_reply_read()
    {
        Graph.AcceptAll();
        var conversation = await ConversationWithPatientAsync("15550200004");
        var result = await ReplyAsync(conversation, "See you soon.");
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "sent");
        var client = App.CreateClient();

        await client.PostWhatsAppAsync(WhatsAppPayloads.Status(sent.ProviderMessageId!, "read", "15550200004"));
        await WaitForMessageAsync(sent.Id, m => m.Status == DeliveryStatus.Read, "read arrives");
        await client.PostWhatsAppAsync(WhatsAppPayloads.Status(sent.ProviderMessageId!, "delivered", "15550200004", DateTimeOffset.UtcNow.AddSeconds(1)));
        await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550200004", "Patient", "marker after the late receipt"));

        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "marker after the late receipt"), because: "everything posted before it is processed");
        Assert.Equal(DeliveryStatus.Read, (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == sent.Id)).Status);
    }

    [Fact]
    public async Task A_reply_outside_the_24_hour_window_is_not_queued()
    {
        var waId = "15550200005";
        await App.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Old patient", "Hello", at: DateTimeOffset.UtcNow.AddHours(-25)));
        await using var db = App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        var conversation = await db.Conversations.SingleAsync(c => c.ContactId == contact!.Id);

        var result = await ReplyAsync(conversation.Id, "Are you still there?");

        Assert.Equal(ReplyOutcome.WindowClosed, result.Outcome);
        Assert.Contains("template", result.Detail);
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Out));
    }
}
