using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Bot;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// The bot through the real path: signed webhook → stored → processed → bot turn → outbound queue → the fake platform,
/// and the handover desk (API, concurrency, silence at the point of sending).
/// </summary>
[Collection(nameof(BotHandoverTests))]
public sealed class BotHandoverTests(BotHandoverTests.Fixture fixture) : IClassFixture<BotHandoverTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public FakeMessengerApi Messenger { get; } = new();
        public FakeLineApi Line { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture()
        {
            Graph.AcceptAll();
            Messenger.AcceptAll();
            Line.AcceptAll();
            App = new InboxWebApplicationFactory(new Dictionary<string, string?>
            {
                ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url,
                ["Channels:Messenger:GraphApiBaseUrl"] = Messenger.Url,
                ["Channels:Line:ApiBaseUrl"] = Line.Url,
            });
            App.CreateClient().Dispose();
            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<Inbox.Infrastructure.Persistence.InboxDbContext>();
            var inbox = db.SharedInboxes.OrderBy(i => i.CreatedAt).First();
            scope.ServiceProvider.GetRequiredService<BotFlowAdmin>().SetEnabledAsync(inbox.Id, true, new AuditActor("system", "test", "Test"), CancellationToken.None).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            App.Dispose();
            Graph.Dispose();
            Messenger.Dispose();
            Line.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;

    private async Task<Conversation> ConversationOfAsync(string waId)
    {
        await using var db = App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null, because: "the webhook is processed");
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id);
    }

    private static IEnumerable<JsonElement> SentTo(FakeGraphApi graph, string waId) => graph.SendBodies().Where(b => b.GetProperty("to").GetString() == "+" + waId);

    /// <summary>Posts a message and waits until the bot has taken its turn (nothing left for it).</summary>
    private async Task WriteAsync(string json)
    {
        (await App.CreateClient().PostWhatsAppAsync(json)).EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        await Eventually.TrueAsync(async () => !await db.RawWebhookEvents.AnyAsync(e => e.ProcessedAt == null) && !await db.PendingBotTurns.AnyAsync(),
            because: "the webhook is processed and the bot has taken its turn");
    }

    private async Task<List<Message>> BotMessagesAsync(Guid conversationId)
    {
        await using var db = App.CreateDbContext();
        return await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId && m.AuthorKind == AuthorKind.Bot).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task A_new_WhatsApp_patient_gets_consent_buttons_then_a_list_menu_and_asking_for_a_person_hands_over_with_context()
    {
        const string waId = "15550700001";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Lena", "Hello"));

        var consent = await Eventually.GetAsync(() => Task.FromResult(SentTo(fixture.Graph, waId).ToList()), b => b.Count == 1, because: "the bot greets the patient");
        var buttons = consent[0].GetProperty("interactive");
        Assert.Equal("button", buttons.GetProperty("type").GetString());
        Assert.Equal([FlowBotEngine.ConsentYes, FlowBotEngine.ConsentNo],
            buttons.GetProperty("action").GetProperty("buttons").EnumerateArray().Select(b => b.GetProperty("reply").GetProperty("id").GetString()));

        await WriteAsync(WhatsAppPayloads.ChoiceReply(waId, "Lena", FlowBotEngine.ConsentYes, "I agree"));
        var menu = await Eventually.GetAsync(() => Task.FromResult(SentTo(fixture.Graph, waId).ToList()), b => b.Count == 2, because: "the bot shows the menu");
        var list = menu[1].GetProperty("interactive");
        Assert.Equal("list", list.GetProperty("type").GetString());
        Assert.Equal(7, list.GetProperty("action").GetProperty("sections")[0].GetProperty("rows").GetArrayLength());

        var conversation = await ConversationOfAsync(waId);
        await using (var db = App.CreateDbContext())
        {
            var ledger = await db.ConsentRecords.AsNoTracking().SingleAsync(c => c.ContactId == conversation.ContactId);
            Assert.Equal(ConsentState.Accepted, ledger.State);
            Assert.Equal(Inbox.Core.Channels.ChannelKind.WhatsApp, ledger.Channel);
        }

        await WriteAsync(WhatsAppPayloads.Text(waId, "Lena", "I would like to talk to a person"));

        conversation = await ConversationOfAsync(waId);
        Assert.Equal(HandledBy.Human, conversation.HandledBy);
        Assert.Equal(ConversationStatus.Pending, conversation.Status);
        Assert.Equal("Asked for: Talk to a person", conversation.HandoverReason);
        Assert.Contains("Consent: accepted", conversation.HandoverSummary);
        var notice = await Eventually.GetAsync(() => Task.FromResult(SentTo(fixture.Graph, waId).ToList()), b => b.Count == 3, because: "the patient is told about the transfer");
        Assert.Contains("passing you to our team", notice[2].GetProperty("text").GetProperty("body").GetString());

        // People own it now: the patient's next message gets no bot answer.
        await WriteAsync(WhatsAppPayloads.Text(waId, "Lena", "Hello? Anyone?"));
        Assert.Equal(3, (await BotMessagesAsync(conversation.Id)).Count);
    }

    [Fact]
    public async Task A_redelivered_webhook_does_not_make_the_bot_answer_twice()
    {
        const string waId = "15550700002";
        var body = WhatsAppPayloads.Text(waId, "Kai", "Hi", wamid: WhatsAppPayloads.NewWamid());

        await WriteAsync(body);
        await WriteAsync(body);

        var conversation = await ConversationOfAsync(waId);
        Assert.Single(await BotMessagesAsync(conversation.Id));
    }

    [Fact]
    public async Task Stop_records_the_opt_out_in_the_ledger_and_the_bot_writes_nothing_more()
    {
        const string waId = "15550700003";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Noor", "Hi"));
        await WriteAsync(WhatsAppPayloads.Text(waId, "Noor", "STOP"));
        await WriteAsync(WhatsAppPayloads.Text(waId, "Noor", "what are your hours"));

        var conversation = await ConversationOfAsync(waId);
        Assert.Single(await BotMessagesAsync(conversation.Id));
        await using var db = App.CreateDbContext();
        Assert.Equal(ConsentState.OptedOut, (await db.ConsentRecords.AsNoTracking().Where(c => c.ContactId == conversation.ContactId).OrderByDescending(c => c.At).FirstAsync()).State);
        // Writing again after opting out reaches a person, silently.
        Assert.Equal(HandledBy.Human, conversation.HandledBy);
    }

    [Fact]
    public async Task An_urgent_message_hands_over_with_priority_urgent_and_sends_the_emergency_number()
    {
        const string waId = "15550700004";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Omar", "I have chest pain"));

        var conversation = await ConversationOfAsync(waId);
        Assert.Equal(Priority.Urgent, conversation.Priority);
        Assert.Equal(HandledBy.Human, conversation.HandledBy);
        var sent = await Eventually.GetAsync(() => Task.FromResult(SentTo(fixture.Graph, waId).ToList()), b => b.Count == 1, because: "the emergency number goes out even though people own it now");
        Assert.Contains("1669", sent[0].GetProperty("text").GetProperty("body").GetString());

        await using var scope = App.Services.CreateAsyncScope();
        var queue = await scope.ServiceProvider.GetRequiredService<IHandoverDesk>().QueueAsync(InboxScope.All, CancellationToken.None);
        Assert.Equal(conversation.Id, queue[0].ConversationId);
    }

    [Fact]
    public async Task The_appointment_intake_creates_a_request_keyed_by_contact_and_conversation()
    {
        const string waId = "15550700005";
        foreach (var text in new[] { "Hi", "yes", "book an appointment", "2", "Friday morning", "Mali Srisuk", "1990-02-14" })
            await WriteAsync(WhatsAppPayloads.Text(waId, "Mali", text));

        var conversation = await ConversationOfAsync(waId);
        await using var db = App.CreateDbContext();
        var request = await db.AppointmentRequests.AsNoTracking().SingleAsync(a => a.ContactId == conversation.ContactId);
        Assert.Equal(conversation.Id, request.ConversationId);
        Assert.Equal("Vaccination", request.Service);
        Assert.Equal("Friday morning", request.PreferredTime);
        Assert.Equal(new DateOnly(1990, 2, 14), request.DateOfBirth);
    }

    [Fact]
    public async Task Messenger_shows_the_consent_choices_as_quick_replies()
    {
        var psid = "7100" + Random.Shared.NextInt64(100_000_000, 999_999_999);
        (await App.CreateClient().PostMessengerAsync(MessengerPayloads.Text(psid, "hello"))).EnsureSuccessStatusCode();

        var body = await Eventually.GetAsync(() => Task.FromResult(fixture.Messenger.SendBodies().FirstOrDefault(b => b.GetProperty("recipient").GetProperty("id").GetString() == psid)),
            b => b.ValueKind == JsonValueKind.Object, because: "the bot answers on Messenger");
        var quickReplies = body.GetProperty("message").GetProperty("quick_replies").EnumerateArray().ToList();
        Assert.Equal(["I agree", "No, thanks"], quickReplies.Select(q => q.GetProperty("title").GetString()));
        Assert.Equal(FlowBotEngine.ConsentYes, quickReplies[0].GetProperty("payload").GetString());
    }

    [Fact]
    public async Task Line_answers_with_the_fresh_reply_token_and_quick_reply_items()
    {
        var userId = LinePayloads.NewUserId();
        var token = LinePayloads.NewReplyToken();
        (await App.CreateClient().PostLineAsync(LinePayloads.Text(userId, "hello", replyToken: token))).EnsureSuccessStatusCode();

        var reply = await Eventually.GetAsync(() => Task.FromResult(fixture.Line.Requests(FakeLineApi.ReplyPath).FirstOrDefault(r => r.Body.GetProperty("replyToken").GetString() == token)),
            r => r is not null, because: "the bot replies with the patient's reply token");
        var items = reply!.Body.GetProperty("messages")[0].GetProperty("quickReply").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("I agree", items[0].GetProperty("action").GetProperty("label").GetString());
    }

    [Fact]
    public async Task A_LINE_patient_who_follows_first_is_still_answered_by_the_bot()
    {
        var userId = LinePayloads.NewUserId();
        // The follow arrives alone, in its own batch, before the patient's first message.
        (await App.CreateClient().PostLineAsync(LinePayloads.Follow(userId))).EnsureSuccessStatusCode();
        await using (var db = App.CreateDbContext())
        {
            var conversation = await Eventually.GetAsync(() => db.Conversations.AsNoTracking()
                    .FirstOrDefaultAsync(c => db.ChannelIdentities.Any(i => i.ExternalId == userId && i.ContactId == c.ContactId)),
                c => c is not null, because: "the follow starts the conversation");
            Assert.Equal(HandledBy.Bot, conversation!.HandledBy);
        }

        var token = LinePayloads.NewReplyToken();
        (await App.CreateClient().PostLineAsync(LinePayloads.Text(userId, "hello", replyToken: token))).EnsureSuccessStatusCode();

        await Eventually.GetAsync(() => Task.FromResult(fixture.Line.Requests(FakeLineApi.ReplyPath).FirstOrDefault(r => r.Body.GetProperty("replyToken").GetString() == token)),
            r => r is not null, because: "the bot answers the first message");
    }

    [Fact]
    public async Task A_bot_message_queued_for_a_conversation_a_person_now_owns_is_not_sent()
    {
        const string waId = "15550700006";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Ines", "Hi"));
        var conversation = await ConversationOfAsync(waId);
        await using var scope = App.Services.CreateAsyncScope();
        Assert.Equal(OwnershipOutcome.Done, await scope.ServiceProvider.GetRequiredService<IHandoverDesk>()
            .TakeAsync(InboxScope.All, conversation.Id, "agent-7", new AuditActor("staff", "agent-7", "Ana"), null, CancellationToken.None));

        // As if the bot had queued it a moment before the agent took over.
        Guid botMessageId;
        await using (var db = App.CreateDbContext())
        {
            var inbound = await db.Messages.AsNoTracking().FirstAsync(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.In);
            var late = Message.QueueOutbound(conversation.Id, inbound.ChannelIdentityId!.Value, inbound.Channel, inbound.AccountId, "Late bot answer", MessageAuthor.Bot, DateTimeOffset.UtcNow);
            db.Messages.Add(late);
            await db.SaveChangesAsync();
            botMessageId = late.Id;
        }
        App.Services.GetRequiredService<Inbox.Infrastructure.Jobs.OutboundWork>().Pulse();

        await using var read = App.CreateDbContext();
        var held = await Eventually.GetAsync(() => read.Messages.AsNoTracking().FirstAsync(m => m.Id == botMessageId), m => m.Status == DeliveryStatus.Failed, because: "the dispatcher holds it back");
        Assert.Equal(BotSilence.ErrorCode, held.ErrorCode);
        Assert.DoesNotContain(SentTo(fixture.Graph, waId), b => b.TryGetProperty("text", out var t) && t.GetProperty("body").GetString() == "Late bot answer");
    }

    [Fact]
    public async Task A_staff_reply_in_a_bot_conversation_takes_it_over_so_the_bot_stops()
    {
        const string waId = "15550700009";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Aiko", "Hi"));
        var conversation = await ConversationOfAsync(waId);
        Assert.Equal(HandledBy.Bot, conversation.HandledBy);

        await using (var scope = App.Services.CreateAsyncScope())
            Assert.Equal(ReplyOutcome.Queued, (await scope.ServiceProvider.GetRequiredService<IReplySender>()
                .QueueAsync(InboxScope.All, conversation.Id, "Hello Aiko, Nurse Lee here.", null, MessageAuthor.Agent("agent-9", "Nurse Lee"), CancellationToken.None)).Outcome);

        conversation = await ConversationOfAsync(waId);
        Assert.Equal(HandledBy.Human, conversation.HandledBy);
        Assert.Equal("agent-9", conversation.AssigneeId);
        await WriteAsync(WhatsAppPayloads.Text(waId, "Aiko", "yes"));
        Assert.Single(await BotMessagesAsync(conversation.Id));
    }

    [Fact]
    public async Task A_resolved_conversation_returns_to_the_bot_for_the_next_contact()
    {
        const string waId = "15550700010";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Rosa", "talk to a person please"));
        var conversation = await ConversationOfAsync(waId);
        Assert.Equal(HandledBy.Human, conversation.HandledBy);
        // Resolved by staff (the inbox's resolve action belongs to the team inbox work).
        await using (var db = App.CreateDbContext())
            await db.Conversations.Where(c => c.Id == conversation.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConversationStatus.Resolved));

        await WriteAsync(WhatsAppPayloads.Text(waId, "Rosa", "Hello again"));

        conversation = await ConversationOfAsync(waId);
        Assert.Equal(HandledBy.Bot, conversation.HandledBy);
        Assert.Null(conversation.HandoverReason);
        Assert.Equal(2, (await BotMessagesAsync(conversation.Id)).Count);
    }

    [Fact]
    public async Task When_two_agents_take_the_same_handover_at_once_exactly_one_wins()
    {
        const string waId = "15550700007";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Tariq", "can I talk to a human"));
        var conversation = await ConversationOfAsync(waId);
        Assert.True(conversation.AwaitsPickup);

        async Task<OwnershipOutcome> TakeAs(string agent)
        {
            await using var scope = App.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<IHandoverDesk>()
                .TakeAsync(InboxScope.All, conversation.Id, agent, new AuditActor("staff", agent, agent), null, CancellationToken.None);
        }
        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => TakeAs($"agent-{i}"))));

        Assert.Single(results, r => r == OwnershipOutcome.Done);
        Assert.Equal(5, results.Count(r => r == OwnershipOutcome.Conflict));
        var winner = $"agent-{Array.IndexOf(results, OwnershipOutcome.Done) + 1}";
        Assert.Equal(winner, (await ConversationOfAsync(waId)).AssigneeId);
    }

    [Fact]
    public async Task The_api_hands_over_and_back_and_refuses_an_illegal_change_with_409()
    {
        const string waId = "15550700008";
        await WriteAsync(WhatsAppPayloads.Text(waId, "Yuki", "Hi"));
        var conversation = await ConversationOfAsync(waId);
        var api = App.CreateApiClient();

        var handedBack = await api.PostAsync($"/api/v1/conversations/{conversation.Id}/handback", null);
        await handedBack.ProblemAsync(HttpStatusCode.Conflict);

        var handover = await api.PostAsJsonAsync($"/api/v1/conversations/{conversation.Id}/handover", new { reason = "Needs a nurse" });
        Assert.Equal(HttpStatusCode.OK, handover.StatusCode);
        var json = await handover.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("human", json.GetProperty("handledBy").GetString());
        Assert.Equal("pending", json.GetProperty("status").GetString());
        await (await api.PostAsync($"/api/v1/conversations/{conversation.Id}/handover", null)).ProblemAsync(HttpStatusCode.Conflict);

        var back = await api.PostAsync($"/api/v1/conversations/{conversation.Id}/handback", null);
        Assert.Equal("bot", (await back.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("handledBy").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync($"/api/v1/conversations/{Guid.NewGuid()}/handover", null)).StatusCode);

        await using var db = App.CreateDbContext();
        var actions = await db.AuditLog.AsNoTracking().Where(a => a.SubjectId == conversation.Id.ToString()).Select(a => a.Action).ToListAsync();
        Assert.Contains(AuditActions.Handover, actions);
        Assert.Contains(AuditActions.Handback, actions);
    }
}
