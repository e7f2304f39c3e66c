using System.Net;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class ConversationsApiTests(ConversationsApiTests.App app) : IClassFixture<ConversationsApiTests.App>, IAsyncLifetime
{
    public sealed class App : InboxWebApplicationFactory;

    private const int Conversations = 7;
    private readonly HttpClient _api = app.CreateApiClient();

    public async Task InitializeAsync()
    {
        await using var db = app.CreateDbContext();
        if (await db.Conversations.AnyAsync()) return;
        var start = DateTimeOffset.UtcNow.AddHours(-1);
        // Two patients write in the same second: paging must still return each thread once.
        for (var i = 0; i < Conversations; i++)
            await app.ReceiveWhatsAppAsync($"1555030{i:D4}", $"Patient {i}", "Hello", start.AddMinutes(i == 1 ? 0 : i));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Walking_the_cursors_returns_every_conversation_once_newest_first()
    {
        var seen = new List<(string Id, DateTime At)>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _api.GetOkAsync($"/api/v1/conversations?limit=3{(cursor is null ? "" : "&cursor=" + cursor)}");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 3);
            seen.AddRange(items.Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("lastMessageAt").GetDateTime())));
            cursor = page.GetProperty("next").GetString();
            pages++;
        } while (cursor is not null);

        Assert.Equal(3, pages);
        Assert.Equal(Conversations, seen.Count);
        Assert.Equal(Conversations, seen.Select(s => s.Id).Distinct().Count());
        Assert.Equal(seen.Select(s => s.At).OrderByDescending(a => a), seen.Select(s => s.At));
        await using var db = app.CreateDbContext();
        Assert.Equal((await db.Conversations.Select(c => c.Id).ToListAsync()).Select(g => g.ToString()).Order(), seen.Select(s => s.Id).Order());
    }

    [Fact]
    public async Task Items_carry_the_contract_fields_with_lowercase_enums()
    {
        var item = (await _api.GetOkAsync("/api/v1/conversations?limit=1")).GetProperty("items")[0];

        Assert.Equal("open", item.GetProperty("status").GetString());
        Assert.Equal("human", item.GetProperty("handledBy").GetString());
        Assert.Equal("normal", item.GetProperty("priority").GetString());
        Assert.Equal(["whatsapp"], item.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Empty(item.GetProperty("labels").EnumerateArray());
        Assert.Equal(1, item.GetProperty("unreadCount").GetInt32());
        Assert.True(Guid.TryParse(item.GetProperty("contactId").GetString(), out _));
        Assert.EndsWith("Z", item.GetProperty("lastMessageAt").GetString());
    }

    [Fact]
    public async Task Status_channel_and_contact_filters_narrow_the_list()
    {
        await using var db = app.CreateDbContext();
        var target = await db.Conversations.OrderBy(c => c.Id).FirstAsync();
        await db.Conversations.Where(c => c.Id == target.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Status, ConversationStatus.Resolved)
            .SetProperty(c => c.ChannelMask, (1 << (int)ChannelKind.WhatsApp) | (1 << (int)ChannelKind.Line)));
        try
        {
            Assert.Equal([target.Id.ToString()], (await _api.GetOkAsync("/api/v1/conversations?status=resolved")).Ids());
            Assert.Equal(Conversations - 1, (await _api.GetOkAsync("/api/v1/conversations?status=open")).Ids().Count);
            Assert.Equal([target.Id.ToString()], (await _api.GetOkAsync("/api/v1/conversations?channel=line")).Ids());
            Assert.Equal(Conversations, (await _api.GetOkAsync("/api/v1/conversations?channel=whatsapp")).Ids().Count);
            Assert.Equal([target.Id.ToString()], (await _api.GetOkAsync($"/api/v1/conversations?contactId={target.ContactId}")).Ids());
            Assert.Empty((await _api.GetOkAsync("/api/v1/conversations?handledBy=bot")).Ids());
        }
        finally
        {
            await db.Conversations.Where(c => c.Id == target.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Status, ConversationStatus.Open)
                .SetProperty(c => c.ChannelMask, 1 << (int)ChannelKind.WhatsApp));
        }
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=closed", "status")]
    [InlineData("status=open,resolved", "status")]
    [InlineData("status=1", "status")]
    [InlineData("channel=telegram", "channel")]
    [InlineData("contactId=42", "contactId")]
    [InlineData("cursor=garbage", "cursor")]
    public async Task Bad_query_values_answer_400_naming_the_field(string query, string field)
    {
        var problem = await (await _api.GetAsync($"/api/v1/conversations?{query}")).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Limit_defaults_to_50_and_allows_200()
    {
        Assert.Null((await _api.GetOkAsync("/api/v1/conversations")).GetProperty("next").GetString());
        Assert.Equal(Conversations, (await _api.GetOkAsync("/api/v1/conversations?limit=200")).Ids().Count);
    }

    [Fact]
    public async Task One_conversation_by_id_or_404()
    {
        await using var db = app.CreateDbContext();
        var id = await db.Conversations.Select(c => c.Id).FirstAsync();

        var conversation = await _api.GetOkAsync($"/api/v1/conversations/{id}");
        Assert.Equal(id.ToString(), conversation.GetProperty("id").GetString());

        await (await _api.GetAsync($"/api/v1/conversations/{Guid.NewGuid()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await _api.GetAsync("/api/v1/conversations/not-an-id")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
