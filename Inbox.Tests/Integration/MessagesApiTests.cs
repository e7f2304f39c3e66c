using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class MessagesApiTests(MessagesApiTests.App app) : IClassFixture<MessagesApiTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private readonly HttpClient _api = app.CreateApiClient();

    [Fact]
    public async Task Thread_lists_messages_oldest_first_with_the_contract_fields()
    {
        var now = DateTimeOffset.UtcNow;
        // Delivered out of order: the thread still reads in the order the patient wrote.
        var id = await app.ReceiveWhatsAppAsync("15550400001", "Dana Ortiz", "third", now.AddMinutes(-1));
        await app.ReceiveWhatsAppAsync("15550400001", "Dana Ortiz", "first", now.AddMinutes(-3));
        await app.ReceiveWhatsAppAsync("15550400001", "Dana Ortiz", "second", now.AddMinutes(-2));

        var page = await _api.GetOkAsync($"/api/v1/conversations/{id}/messages");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["first", "second", "third"], items.Select(m => m.GetProperty("text").GetString()));
        Assert.Null(page.GetProperty("next").GetString());
        var first = items[0];
        Assert.Equal("in", first.GetProperty("direction").GetString());
        Assert.Equal("whatsapp", first.GetProperty("channel").GetString());
        Assert.Equal(InboxWebApplicationFactory.WhatsAppPhoneNumberId, first.GetProperty("accountId").GetString());
        Assert.Equal("text", first.GetProperty("type").GetString());
        Assert.Equal("delivered", first.GetProperty("status").GetString());
        Assert.Equal("patient", first.GetProperty("author").GetProperty("kind").GetString());
        Assert.StartsWith("wamid.", first.GetProperty("providerMessageId").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("error").ValueKind);
        Assert.EndsWith("Z", first.GetProperty("createdAt").GetString());
    }

    [Fact]
    public async Task Thread_pages_with_cursors()
    {
        var now = DateTimeOffset.UtcNow;
        var id = await app.ReceiveWhatsAppAsync("15550400002", "Sam Lee", "one", now.AddMinutes(-3));
        await app.ReceiveWhatsAppAsync("15550400002", "Sam Lee", "two", now.AddMinutes(-2));
        await app.ReceiveWhatsAppAsync("15550400002", "Sam Lee", "three", now.AddMinutes(-1));

        var first = await _api.GetOkAsync($"/api/v1/conversations/{id}/messages?limit=2");
        var second = await _api.GetOkAsync($"/api/v1/conversations/{id}/messages?limit=2&cursor={first.GetProperty("next").GetString()}");

        Assert.Equal(["one", "two", "three"], first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(m => m.GetProperty("text").GetString()));
        Assert.Null(second.GetProperty("next").GetString());
    }

    [Fact]
    public async Task Image_is_listed_with_its_media()
    {
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient().PostWhatsAppAsync(Fixtures.Bytes("whatsapp/whatsapp-inbound-image.json"))).StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.MediaId == "1187432095561203"), m => m is not null);

        var message = (await _api.GetOkAsync($"/api/v1/conversations/{stored!.ConversationId}/messages")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == stored.Id.ToString());
        Assert.Equal("image", message.GetProperty("type").GetString());
        Assert.Equal("1187432095561203", message.GetProperty("media").GetProperty("id").GetString());
        Assert.Equal("image/jpeg", message.GetProperty("media").GetProperty("mimeType").GetString());
    }

    [Fact]
    public async Task Posted_reply_is_queued_and_shows_in_the_thread_as_the_key()
    {
        var id = await app.ReceiveWhatsAppAsync("15550400003", "Kim Park", "Can I move my appointment?");

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Yes, which day suits you?" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var queued = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", queued.GetProperty("status").GetString());
        var messageId = queued.GetProperty("id").GetString();
        var reply = (await _api.GetOkAsync($"/api/v1/conversations/{id}/messages")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == messageId);
        Assert.Equal("out", reply.GetProperty("direction").GetString());
        Assert.Equal("Yes, which day suits you?", reply.GetProperty("text").GetString());
        // The fake platform is unreachable: the dispatcher keeps it queued and retries.
        Assert.Equal("queued", reply.GetProperty("status").GetString());
        Assert.Equal("agent", reply.GetProperty("author").GetProperty("kind").GetString());
        Assert.Equal("api-key:development", reply.GetProperty("author").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Empty_text_answers_400_with_errors_text(string text)
    {
        var id = await app.ReceiveWhatsAppAsync("15550400004", "Ana Silva", "Hi");

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("text", out _), problem.ToString());
    }

    [Fact]
    public async Task Text_longer_than_WhatsApp_allows_answers_400()
    {
        var id = await app.ReceiveWhatsAppAsync("15550400005", "Leo Brandt", "Hi");

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = new string('a', 4097) });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("4,096", problem.GetProperty("errors").GetProperty("text")[0].GetString());
    }

    [Fact]
    public async Task Reply_after_the_24_hour_window_answers_422_saying_so()
    {
        var id = await app.ReceiveWhatsAppAsync("15550400006", "Noor Haddad", "Thanks!", DateTimeOffset.UtcNow.AddHours(-25));

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Following up" });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("window", problem.GetProperty("title").GetString());
        await using var db = app.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == id && m.Text == "Following up"));
    }

    [Fact]
    public async Task Template_parameters_that_are_not_a_list_of_values_answer_400()
    {
        var id = await app.ReceiveWhatsAppAsync("15550400007", "Ira Novak", "Hi");

        var response = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { templateName = "appointment_reminder", templateParameters = new { name = "Ira" } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("templateParameters", out _));
    }

    [Fact]
    public async Task Malformed_body_and_unknown_channel_answer_400()
    {
        var id = await app.ReceiveWhatsAppAsync("15550400008", "Eva Moss", "Hi");

        var malformed = await _api.PostAsync($"/api/v1/conversations/{id}/messages", new StringContent("{ nope", System.Text.Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);
        var channel = await _api.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = "Hi", channel = "telegram" });
        Assert.True((await channel.ProblemAsync(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("channel", out _));
    }

    [Fact]
    public async Task Unknown_conversation_answers_404_for_reads_and_replies()
    {
        var unknown = Guid.NewGuid();

        await (await _api.GetAsync($"/api/v1/conversations/{unknown}/messages")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _api.PostAsJsonAsync($"/api/v1/conversations/{unknown}/messages", new { text = "Hi" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await _api.PostAsJsonAsync("/api/v1/conversations/nope/messages", new { text = "Hi" })).ProblemAsync(HttpStatusCode.NotFound);
    }
}
