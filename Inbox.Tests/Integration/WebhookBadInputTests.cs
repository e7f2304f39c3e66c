using System.Net;
using System.Text;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>Bad input gets a clear answer and changes nothing; good input is stored once, whatever the platform repeats.</summary>
public sealed class WebhookBadInputTests(WebhookBadInputTests.App app) : IClassFixture<WebhookBadInputTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private readonly HttpClient _client = app.CreateClient();

    private async Task<int> StoredBodiesAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.RawWebhookEvents.CountAsync();
    }

    [Fact]
    public async Task A_missing_signature_is_refused_with_401_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new StringContent(WhatsAppPayloads.Text("15550100011", "Ann", "hi"), Encoding.UTF8, "application/json") };

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task A_signature_made_with_another_secret_is_refused_with_401_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();
        var body = Encoding.UTF8.GetBytes(WhatsAppPayloads.Text("15550100012", "Ann", "hi"));

        var response = await _client.PostWhatsAppAsync(body, SignedWebhooks.MetaSignature(body, "some-other-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task Signed_malformed_json_gets_400_and_nothing_is_stored()
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostWhatsAppAsync("{\"object\":\"whatsapp_business_account\",\"entry\":[");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task A_body_for_an_unknown_phone_number_id_gets_200_and_is_not_stored()
    {
        var before = await StoredBodiesAsync();

        var response = await _client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550100013", "Ann", "hi", phoneNumberId: "000000000000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await StoredBodiesAsync());
    }

    [Fact]
    public async Task The_handshake_answers_the_challenge_and_refuses_a_wrong_token_with_403()
    {
        var ok = await _client.GetAsync($"/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token={InboxWebApplicationFactory.WhatsAppVerifyToken}&hub.challenge=8421");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("8421", await ok.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", ok.Content.Headers.ContentType?.MediaType);

        var wrong = await _client.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=8421");
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    [Fact]
    public async Task A_channel_with_no_adapter_is_not_found()
    {
        var response = await _client.PostAsync("/webhooks/telegram", new StringContent("{}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_same_message_delivered_three_times_is_stored_once()
    {
        var wamid = WhatsAppPayloads.NewWamid();
        var body = WhatsAppPayloads.Text("15550100014", "Dee", "only once please", wamid);
        // A retried webhook may also come in a different batch (different bytes, same message).
        var rebatched = WhatsAppPayloads.Batch(("15550100015", "Eve", "another patient")).Replace("\"entry\":[", "\"entry\":[" + EntryOf(body) + ",");

        var responses = await Task.WhenAll(_client.PostWhatsAppAsync(body), _client.PostWhatsAppAsync(body), _client.PostWhatsAppAsync(rebatched));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == "another patient"), because: "the re-batched body is processed");
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ProviderMessageId == wamid));
        Assert.Equal(1, await db.Contacts.CountAsync(c => c.Phone == "+15550100014"));
    }

    [Fact]
    public async Task Every_message_of_a_batch_is_processed()
    {
        var body = WhatsAppPayloads.Batch(("15550100021", "Fay", "batch one"), ("15550100022", "Gus", "batch two"), ("15550100021", "Fay", "batch three"));

        Assert.Equal(HttpStatusCode.OK, (await _client.PostWhatsAppAsync(body)).StatusCode);

        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(async () => await db.Messages.CountAsync(m => m.Text!.StartsWith("batch ")) == 3);
        var fay = await db.Contacts.SingleAsync(c => c.Phone == "+15550100021");
        var thread = await db.Conversations.SingleAsync(c => c.ContactId == fay.Id);
        Assert.Equal(2, thread.UnreadCount);
    }

    private static string EntryOf(string envelope)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(envelope);
        return doc.RootElement.GetProperty("entry")[0].GetRawText();
    }
}
