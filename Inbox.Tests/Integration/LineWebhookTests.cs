using System.Net;
using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>`/webhooks/line` end to end: LINE's signature, its empty Verify body, redeliveries and every event of a batch.</summary>
public sealed class LineWebhookTests(LineWebhookTests.App app) : IClassFixture<LineWebhookTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private readonly HttpClient _client = app.CreateClient();

    private async Task<int> StoredBodiesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.RawWebhookEvents.CountAsync();
    }

    [Fact]
    public async Task A_signed_text_message_becomes_a_patient_a_conversation_and_a_message_with_its_reply_token_kept()
    {
        var userId = LinePayloads.NewUserId();
        var messageId = LinePayloads.NewMessageId();

        var response = await _client.PostLineAsync(LinePayloads.Text(userId, "Hello, can I change my appointment to Friday?", messageId, replyToken: "b440034d6608697a8d41bed440e50454"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == messageId), m => m is not null);
        Assert.Equal(ChannelKind.Line, message!.Channel);
        Assert.Equal("default", message.AccountId);
        Assert.Equal("Hello, can I change my appointment to Friday?", message.Text);
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.Channel == ChannelKind.Line && i.ExternalId == userId);
        Assert.Equal("b440034d6608697a8d41bed440e50454", identity.ReplyToken);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == identity.ContactId);
        Assert.Equal(1, conversation.UnreadCount);
    }

    [Fact]
    public async Task The_documented_fixture_signed_as_line_signs_it_is_accepted()
    {
        var response = await _client.PostLineAsync(Fixtures.Bytes("line/line-inbound-text.json"), "oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsQ=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.ProviderMessageId == "578236429837465921"));
    }

    [Fact]
    public async Task An_unsigned_body_is_refused_with_401_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostLineAsync(LinePayloads.Text(LinePayloads.NewUserId(), "hi"), signature: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task A_body_signed_with_another_secret_is_refused_with_401_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();
        var body = Encoding.UTF8.GetBytes(LinePayloads.Text(LinePayloads.NewUserId(), "hi"));

        var response = await _client.PostLineAsync(body, SignedWebhooks.LineSignature(body, "some-other-channel-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task Signed_malformed_json_gets_400_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostLineAsync("{\"destination\":\"Ua4c123b1612dd272d1371c17149d4395\",\"events\":[");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task The_consoles_verify_request_with_no_events_gets_200_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();

        var fixture = await _client.PostLineAsync(Fixtures.Bytes("line/line-verify-empty-events.json"), "tRvgdFA0/tJtRCde5DYTiCuvnviuUPeU2MIKAjo9Dow=");
        var compact = await _client.PostLineAsync("{\"destination\":\"Ua4c123b1612dd272d1371c17149d4395\",\"events\":[]}", "Tw1Pjtopr3No01ba4WtJdDYncMm/DXN5N9q3PMHhjLA=");

        Assert.Equal(HttpStatusCode.OK, fixture.StatusCode);
        Assert.Equal(HttpStatusCode.OK, compact.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task A_get_is_refused_because_line_has_no_handshake()
    {
        var response = await _client.GetAsync("/webhooks/line?hub.mode=subscribe&hub.verify_token=anything&hub.challenge=8421");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("8421", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_duplicate_and_a_redelivery_of_the_same_event_are_stored_once()
    {
        var userId = LinePayloads.NewUserId();
        var (messageId, eventId, token) = (LinePayloads.NewMessageId(), LinePayloads.NewWebhookEventId(), LinePayloads.NewReplyToken());
        var at = DateTimeOffset.UtcNow;
        var first = LinePayloads.Text(userId, "only once please", messageId, eventId, token, at);
        // LINE's redelivery: same webhookEventId, message id and reply token, `isRedelivery: true` (different bytes).
        var redelivered = LinePayloads.Text(userId, "only once please", messageId, eventId, token, at, redelivery: true);
        var marker = LinePayloads.Text(userId, "marker after the redelivery");

        var responses = await Task.WhenAll(_client.PostLineAsync(first), _client.PostLineAsync(first), _client.PostLineAsync(redelivered));
        await _client.PostLineAsync(marker);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "marker after the redelivery"), because: "everything posted before it is processed");
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ProviderMessageId == messageId));
        Assert.Equal(1, await db.ChannelIdentities.CountAsync(i => i.ExternalId == userId));
    }

    [Fact]
    public async Task Every_event_of_a_batch_is_processed_in_one_thread()
    {
        var userId = LinePayloads.NewUserId();
        var body = LinePayloads.Envelope(
            LinePayloads.TextEvent(userId, "line batch one"),
            LinePayloads.TextEvent(LinePayloads.NewUserId(), "line batch two"),
            LinePayloads.TextEvent(userId, "line batch three"));

        Assert.Equal(HttpStatusCode.OK, (await _client.PostLineAsync(body)).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => m.Text!.StartsWith("line batch ")) == 3);
        var identity = await db.ChannelIdentities.SingleAsync(i => i.ExternalId == userId);
        Assert.Equal(2, (await db.Conversations.SingleAsync(c => c.ContactId == identity.ContactId)).UnreadCount);
    }

    [Fact]
    public async Task A_postback_is_stored_as_the_patients_choice()
    {
        var userId = LinePayloads.NewUserId();
        var postback = Fixtures.Text("line/line-postback.json").Replace("U36b3216fdaeeb975729fae923d5a4fd1", userId).Replace("01K6NGYA1DQ91K5GQAPENECFSE", "01K6NGYA1DQ91K5GQAPENECFS2");

        await _client.PostLineAsync(postback);

        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == "01K6NGYA1DQ91K5GQAPENECFS2"), m => m is not null);
        Assert.Equal(MessageType.Interactive, message!.Type);
        Assert.Equal("action=book&slot=2026-06-05T10:30", message.Extras?.Chosen?.Id);
    }

    [Fact]
    public async Task An_unfollow_marks_the_patient_as_blocking_the_clinic()
    {
        var userId = LinePayloads.NewUserId();
        await _client.PostLineAsync(LinePayloads.Text(userId, "hello before blocking"));
        var unfollow = Fixtures.Text("line/line-unfollow.json").Replace("U36b3216fdaeeb975729fae923d5a4fd1", userId);

        Assert.Equal(HttpStatusCode.OK, (await _client.PostLineAsync(unfollow)).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.ChannelIdentities.AnyAsync(i => i.ExternalId == userId && !i.IsFollowing), because: "the unfollow is applied");
    }
}
