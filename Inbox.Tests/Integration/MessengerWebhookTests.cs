using System.Net;
using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>Messenger webhooks through the real `/webhooks/messenger` route: handshake, signature, envelope, dedupe, every event stored.</summary>
public sealed class MessengerWebhookTests(MessengerWebhookTests.App app) : IClassFixture<MessengerWebhookTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private const string Page = InboxWebApplicationFactory.MessengerPageId;

    private readonly HttpClient _client = app.CreateClient();

    private static string NewPsid() => "68" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString();

    private async Task<int> StoredBodiesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.RawWebhookEvents.CountAsync();
    }

    private async Task<Message> WaitForMessageAsync(string providerMessageId)
    {
        await using var db = app.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == providerMessageId), m => m is not null,
            because: $"message {providerMessageId} is processed"))!;
    }

    [Fact]
    public async Task The_handshake_answers_the_challenge_for_the_pages_verify_token_and_refuses_others_with_403()
    {
        var ok = await _client.GetAsync($"/webhooks/messenger?hub.mode=subscribe&hub.verify_token={InboxWebApplicationFactory.MessengerVerifyToken}&hub.challenge=5511");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("5511", await ok.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);

        var wrong = await _client.GetAsync("/webhooks/messenger?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=5511");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        // Each channel answers with its own accounts' tokens only.
        var whatsAppToken = await _client.GetAsync($"/webhooks/messenger?hub.mode=subscribe&hub.verify_token={InboxWebApplicationFactory.WhatsAppVerifyToken}&hub.challenge=5511");
        Assert.Equal(HttpStatusCode.Forbidden, whatsAppToken.StatusCode);
    }

    [Fact]
    public async Task The_documented_sample_signed_as_documented_is_accepted_and_becomes_a_patient_conversation()
    {
        var response = await _client.PostMessengerAsync(Fixtures.Bytes("messenger/messenger-inbound-text.json"),
            "sha256=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad985");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = await WaitForMessageAsync("m_Ae7wZQ2Tq0cWb9xK4rS1yLmN3pV8uH6jD5fG0tR2eC1kB7nM4xZ9qW3sY8vU6");
        Assert.Equal("Do you have any openings for a blood test tomorrow?", message.Text);
        Assert.Equal(ChannelKind.Messenger, message.Channel);
        Assert.Equal(Page, message.AccountId);
        Assert.Equal(MessageDirection.In, message.Direction);
        await using var db = app.CreateDbContext();
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.Channel == ChannelKind.Messenger && i.ExternalId == "6843210987654321");
        Assert.Equal(Page, identity.AccountId);
        // Messenger sends no name: the contact waits for the profile lookup.
        var contact = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == identity.ContactId);
        Assert.Null(contact.Phone);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact.Id);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.True(conversation.UnreadCount >= 1);
    }

    [Fact]
    public async Task A_missing_or_foreign_signature_is_refused_with_401_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();
        var body = Encoding.UTF8.GetBytes(MessengerPayloads.Text(NewPsid(), "unsigned"));

        var unsigned = await _client.PostMessengerAsync(body, signature: "");
        var foreign = await _client.PostMessengerAsync(body, SignedWebhooks.MetaSignature(body, "some-other-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal("application/problem+json", foreign.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Theory]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("{\"object\":\"instagram\",\"entry\":[]}")]
    [InlineData("{\"entry\":[{\"id\":\"104857293847561\",\"messaging\":[]}]}")]
    public async Task Signed_bodies_that_are_not_the_messenger_envelope_get_400_and_nothing_is_stored(string body)
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostMessengerAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task A_body_for_a_page_inbox_does_not_serve_gets_200_and_is_not_stored()
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostMessengerAsync(MessengerPayloads.Text(NewPsid(), "hello", page: "999000999000999"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_or_in_another_batch_is_stored_once()
    {
        var psid = NewPsid();
        var mid = MessengerPayloads.NewMid();
        var body = MessengerPayloads.Text(psid, "only once please", mid);
        // A retried webhook may come in a different batch: different bytes, same mid.
        var rebatched = MessengerPayloads.Batch((NewPsid(), "another patient " + mid)).Replace("\"entry\":[", "\"entry\":[" + EntryOf(body) + ",");

        var responses = await Task.WhenAll(_client.PostMessengerAsync(body), _client.PostMessengerAsync(body), _client.PostMessengerAsync(rebatched));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "another patient " + mid), because: "the re-batched body is processed");
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ProviderMessageId == mid));
        Assert.Equal(1, await db.ChannelIdentities.CountAsync(i => i.Channel == ChannelKind.Messenger && i.ExternalId == psid));
    }

    [Fact]
    public async Task Every_event_of_a_batch_with_several_entries_is_processed_into_one_thread_per_patient()
    {
        var (ann, ben) = (NewPsid(), NewPsid());
        var body = MessengerPayloads.Batch((ann, "batch one " + ann), (ben, "batch two " + ben), (ann, "batch three " + ann));

        Assert.Equal(HttpStatusCode.OK, (await _client.PostMessengerAsync(body)).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => m.Text!.StartsWith("batch ") && (m.Text.EndsWith(ann) || m.Text.EndsWith(ben))) == 3);
        var annIdentity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == ann);
        var thread = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == annIdentity.ContactId);
        Assert.Equal(2, thread.UnreadCount);
    }

    [Fact]
    public async Task Quick_replies_and_postbacks_are_stored_as_the_patients_choice()
    {
        var psid = NewPsid();
        var tapMid = MessengerPayloads.NewMid();
        var quickReply = Fixtures.Text("messenger/messenger-inbound-quick-reply.json")
            .Replace("6843210987654321", psid).Replace("m_Bf8xAR3Ur1dXc0yL5sT2zMnO4qW9vI7kE6gH1uS3fD2lC8oN5yA0rX4tZ9wV7", tapMid);
        var postbackAt = DateTimeOffset.UtcNow;

        await _client.PostMessengerAsync(quickReply);
        await _client.PostMessengerAsync(MessengerPayloads.Postback(psid, "Book an appointment", "MENU:BOOK_APPOINTMENT", mid: null, postbackAt));

        var tap = await WaitForMessageAsync(tapMid);
        Assert.Equal(MessageType.Interactive, tap.Type);
        Assert.Equal(new InboundChoice("SLOT_PREF:MORNING", "Morning"), tap.Extras?.Chosen);
        var postback = await WaitForMessageAsync($"postback:{psid}:{postbackAt.ToUnixTimeMilliseconds()}");
        Assert.Equal("Book an appointment", postback.Text);
        Assert.Equal("MENU:BOOK_APPOINTMENT", postback.Extras?.Chosen?.Id);
    }

    [Fact]
    public async Task An_image_is_stored_with_its_attachment_url_waiting_for_download()
    {
        var psid = NewPsid();
        var mid = MessengerPayloads.NewMid();
        const string url = "https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg?oh=fake&oe=6A000000";

        await _client.PostMessengerAsync(MessengerPayloads.Attachment(psid, "image", url, mid));

        var message = await WaitForMessageAsync(mid);
        Assert.Equal(MessageType.Image, message.Type);
        Assert.Equal(url, message.MediaId);
        Assert.Equal(MediaState.Pending, message.MediaState);
    }

    [Fact]
    public async Task A_page_message_sent_from_the_page_inbox_is_recorded_from_its_echo_once()
    {
        var psid = NewPsid();
        await _client.PostMessengerAsync(MessengerPayloads.Text(psid, "Hello from the patient", MessengerPayloads.NewMid()));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.ChannelIdentities.AnyAsync(i => i.ExternalId == psid));
        var echoMid = MessengerPayloads.NewMid();
        var echo = MessengerPayloads.Echo(psid, echoMid, "Typed in Meta Business Suite", appId: 263902037430900);

        await _client.PostMessengerAsync(echo);
        await _client.PostMessengerAsync(echo.Replace("\"entry\":[", "\"entry\":[ ")); // redelivered, other bytes
        var marker = MessengerPayloads.NewMid();
        await _client.PostMessengerAsync(MessengerPayloads.Text(psid, "after the echoes", marker));

        await WaitForMessageAsync(marker); // bodies are processed in arrival order
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == echoMid);
        Assert.Equal(MessageDirection.Out, stored.Direction);
        Assert.Equal("Typed in Meta Business Suite", stored.Text);
    }

    private static string EntryOf(string envelope)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(envelope);
        return doc.RootElement.GetProperty("entry")[0].GetRawText();
    }
}
