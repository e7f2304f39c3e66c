using System.Text.Json;
using Inbox.Core.Audit;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Teams;
using Inbox.Core.Templates;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// The satisfaction survey end to end through the fake platforms: sent (or recorded as not sent) when a conversation is
/// resolved, answered through the normal inbound path, thanked — and a reply that is not a rating is an ordinary message.
/// </summary>
public sealed class CsatSurveyTests(CsatSurveyTests.Fixture fixture) : IClassFixture<CsatSurveyTests.Fixture>
{
    public const string Template = "csat_survey";

    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public FakeMessengerApi Messenger { get; } = new();
        public FakeLineApi Line { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture()
        {
            App = new InboxWebApplicationFactory(new Dictionary<string, string?>
            {
                ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url,
                ["Channels:Messenger:GraphApiBaseUrl"] = Messenger.Url,
                ["Channels:Line:ApiBaseUrl"] = Line.Url,
            });
            Graph.AcceptAll();
            Messenger.AcceptAll();
            Line.AcceptAll();
            using var scope = App.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ITemplateCatalogue>()
                .AddAsync(null, Template, "en_US", "How did we do? Reply with a number from 1 (poor) to 5 (excellent).", default).GetAwaiter().GetResult();
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
    private static readonly WorkflowActor Dana = new(new AuditActor("staff", "staff-dana", "Dana"), null, "staff-dana");

    private Guid DefaultInbox => App.Services.GetRequiredService<ChannelAccountDirectory>().DefaultInboxId;

    private async Task SurveyAsync(bool enabled, string? template = Template)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TeamAdmin>().ConfigureSurveyAsync(DefaultInbox, enabled, template, default);
    }

    private static string NewWaId() => "1555040" + Random.Shared.Next(1000, 9999);

    private async Task<Guid> ResolveAsync(Guid conversationId, bool withTeam = false)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var workflow = scope.ServiceProvider.GetRequiredService<IConversationWorkflow>();
        if (withTeam)
        {
            await using var db = App.CreateDbContext();
            var team = await db.Teams.AsNoTracking().Where(t => t.Inboxes.Any(i => i.SharedInboxId == DefaultInbox)).Select(t => t.Id).FirstAsync();
            await workflow.AssignAsync(InboxScope.All, conversationId, null, team, Dana, default);
        }
        Assert.Equal(ConversationStatus.Resolved, (await workflow.ChangeStatusAsync(InboxScope.All, conversationId, ConversationStatus.Resolved, null, Dana, default))!.Status);
        return conversationId;
    }

    private async Task<List<CsatSurvey>> SurveysAsync(Guid conversationId)
    {
        await using var db = App.CreateDbContext();
        return await db.CsatSurveys.AsNoTracking().Where(s => s.ConversationId == conversationId).OrderBy(s => s.CreatedAt).ToListAsync();
    }

    private async Task<Message> SentAsync(Guid messageId)
    {
        await using var db = App.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstAsync(m => m.Id == messageId), m => m.Status == DeliveryStatus.Sent, because: "the fake platform accepts it"))!;
    }

    private async Task<CsatSurvey> AnsweredAsync(Guid conversationId)
    {
        await using var db = App.CreateDbContext();
        return (await Eventually.GetAsync(() => db.CsatSurveys.AsNoTracking().Where(s => s.ConversationId == conversationId).OrderByDescending(s => s.CreatedAt).FirstAsync(),
            s => s.Rating is not null, because: "the answer is processed"))!;
    }

    private async Task<Message> ThanksAsync(Guid conversationId)
    {
        await using var db = App.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ConversationId == conversationId && m.Text == SurveyWording.Thanks),
            m => m is { Status: DeliveryStatus.Sent }, because: "the thanks is queued and sent"))!;
    }

    private async Task<Conversation> ConversationAsync(Guid id)
    {
        await using var db = App.CreateDbContext();
        return await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    [Fact]
    public async Task WhatsApp_in_the_window_gets_a_list_of_five_choices_and_a_tapped_answer_is_credited_and_thanked_without_reopening()
    {
        await SurveyAsync(true);
        var waId = NewWaId();
        var conversation = await App.ReceiveWhatsAppAsync(waId, "Anna", "Can I move my appointment?");
        await ResolveAsync(conversation, withTeam: true);

        var survey = Assert.Single(await SurveysAsync(conversation));
        Assert.Equal((SurveyOutcome.Sent, false, "staff-dana", Core.Channels.ChannelKind.WhatsApp), (survey.Outcome, survey.ViaTemplate, survey.AgentId, survey.Channel));
        Assert.NotNull(survey.TeamId);
        var message = await SentAsync(survey.MessageId!.Value);
        Assert.Equal((AuthorKind.System, MessageType.Interactive), (message.AuthorKind, message.Type));
        var body = fixture.Graph.SendBodies().Last(b => b.GetProperty("to").GetString()!.EndsWith(waId, StringComparison.Ordinal));
        Assert.Equal("list", body.GetProperty("interactive").GetProperty("type").GetString());
        var rows = body.GetProperty("interactive").GetProperty("action").GetProperty("sections")[0].GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["csat:5", "csat:4", "csat:3", "csat:2", "csat:1"], rows);
        var resolved = await ConversationAsync(conversation);
        Assert.Equal((ConversationStatus.Resolved, 0), (resolved.Status, resolved.EpisodeHumanReplies));

        (await App.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.ChoiceReply(waId, "Anna", "csat:4", "4 · Good", list: true))).EnsureSuccessStatusCode();

        var answered = await AnsweredAsync(conversation);
        Assert.Equal((4, (string?)null), (answered.Rating, answered.Comment));
        Assert.NotNull(answered.AnswerMessageId);
        var thanks = await ThanksAsync(conversation);
        Assert.Equal(AuthorKind.System, thanks.AuthorKind);
        Assert.Contains(fixture.Graph.SendBodies(), b => b.GetProperty("to").GetString()!.EndsWith(waId, StringComparison.Ordinal) && b.GetRawText().Contains(SurveyWording.Thanks));
        var after = await ConversationAsync(conversation);
        Assert.Equal(ConversationStatus.Resolved, after.Status);
        Assert.Equal(resolved.OpenedAt, after.OpenedAt);
        Assert.Null(after.EpisodeFirstInboundAt);
        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.ConversationEpisodes.CountAsync(e => e.ConversationId == conversation));
        Assert.True(await db.Messages.AnyAsync(m => m.Id == answered.AnswerMessageId && m.Direction == MessageDirection.In));
    }

    [Fact]
    public async Task A_typed_rating_with_words_after_it_stores_the_rating_and_the_comment()
    {
        await SurveyAsync(true);
        var waId = NewWaId();
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(waId, "Ben", "Thanks for the call"));

        await App.ReceiveWhatsAppAsync(waId, "Ben", "4 great nurse");

        var answered = await AnsweredAsync(conversation);
        Assert.Equal((4, "great nurse"), (answered.Rating, answered.Comment));
        await ThanksAsync(conversation);
        Assert.Equal(ConversationStatus.Resolved, (await ConversationAsync(conversation)).Status);
    }

    [Fact]
    public async Task A_reply_that_is_not_a_rating_reopens_the_conversation_as_a_new_episode_and_leaves_the_survey_waiting()
    {
        await SurveyAsync(true);
        var waId = NewWaId();
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(waId, "Cleo", "Hello"));

        await App.ReceiveWhatsAppAsync(waId, "Cleo", "Actually, can I book for Friday?");

        var reopened = await ConversationAsync(conversation);
        Assert.Equal(ConversationStatus.Open, reopened.Status);
        Assert.NotNull(reopened.EpisodeFirstInboundAt);
        var survey = Assert.Single(await SurveysAsync(conversation));
        Assert.Null(survey.Rating);
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Text == SurveyWording.Thanks));
    }

    [Fact]
    public async Task Resolve_reopen_resolve_sends_one_survey_per_episode()
    {
        await SurveyAsync(true);
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(NewWaId(), "Dora", "Hi"));
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IConversationWorkflow>().ChangeStatusAsync(InboxScope.All, conversation, ConversationStatus.Open, null, Dana, default);
        await ResolveAsync(conversation);

        var surveys = await SurveysAsync(conversation);
        Assert.Equal(2, surveys.Count);
        Assert.All(surveys, s => Assert.Equal(SurveyOutcome.Sent, s.Outcome));
        Assert.Equal(2, surveys.Select(s => s.EpisodeId).Distinct().Count());
        foreach (var s in surveys) await SentAsync(s.MessageId!.Value);
    }

    [Fact]
    public async Task Outside_the_WhatsApp_window_the_approved_template_carries_the_survey()
    {
        await SurveyAsync(true, Template);
        var waId = NewWaId();
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(waId, "Eli", "Hello", at: DateTimeOffset.UtcNow.AddHours(-30)));

        var survey = Assert.Single(await SurveysAsync(conversation));
        Assert.Equal((SurveyOutcome.Sent, true), (survey.Outcome, survey.ViaTemplate));
        var message = await SentAsync(survey.MessageId!.Value);
        Assert.Equal(MessageType.Template, message.Type);
        var body = fixture.Graph.SendBodies().Last(b => b.GetProperty("to").GetString()!.EndsWith(waId, StringComparison.Ordinal));
        Assert.Equal(Template, body.GetProperty("template").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Outside_the_window_without_a_template_nothing_is_sent_and_the_thread_says_why()
    {
        await SurveyAsync(true, template: null);
        var waId = NewWaId();
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(waId, "Fay", "Hello", at: DateTimeOffset.UtcNow.AddHours(-30)));

        var survey = Assert.Single(await SurveysAsync(conversation));
        Assert.Equal((SurveyOutcome.NotSentWindowClosed, (Guid?)null), (survey.Outcome, survey.MessageId));
        await using var db = App.CreateDbContext();
        Assert.True(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Type == MessageType.System && m.Text == "Satisfaction survey not sent: window closed"));
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out && m.Type != MessageType.System));
        Assert.DoesNotContain(fixture.Graph.SendBodies(), b => b.GetProperty("to").GetString()!.EndsWith(waId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_patient_who_opted_out_is_not_asked()
    {
        await SurveyAsync(true);
        var waId = NewWaId();
        var conversation = await App.ReceiveWhatsAppAsync(waId, "Gus", "STOP");
        await using (var db = App.CreateDbContext())
        {
            var contact = await db.Conversations.Where(c => c.Id == conversation).Select(c => c.ContactId).SingleAsync();
            db.ConsentRecords.Add(new ConsentRecord(contact, conversation, ConsentState.OptedOut, Core.Channels.ChannelKind.WhatsApp, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        await ResolveAsync(conversation);

        Assert.Equal(SurveyOutcome.NotSentOptedOut, Assert.Single(await SurveysAsync(conversation)).Outcome);
        await using var check = App.CreateDbContext();
        Assert.True(await check.Messages.AnyAsync(m => m.ConversationId == conversation && m.Text == "Satisfaction survey not sent: patient opted out"));
        Assert.False(await check.Messages.AnyAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out && m.Type != MessageType.System));
    }

    [Fact]
    public async Task With_the_setting_off_no_survey_is_made()
    {
        await SurveyAsync(false);
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(NewWaId(), "Hana", "Hello"));

        Assert.Empty(await SurveysAsync(conversation));
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out && m.Type != MessageType.System));
    }

    [Fact]
    public async Task A_rating_after_the_seven_day_answer_window_is_an_ordinary_message()
    {
        await SurveyAsync(true);
        var waId = NewWaId();
        var conversation = await ResolveAsync(await App.ReceiveWhatsAppAsync(waId, "Ivo", "Hello"));
        await using (var db = App.CreateDbContext())
            await db.CsatSurveys.Where(s => s.ConversationId == conversation).ExecuteUpdateAsync(s => s.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddDays(-8)));

        await App.ReceiveWhatsAppAsync(waId, "Ivo", "5");

        Assert.Equal(ConversationStatus.Open, (await ConversationAsync(conversation)).Status);
        Assert.Null(Assert.Single(await SurveysAsync(conversation)).Rating);
    }

    [Fact]
    public async Task Messenger_survey_goes_as_quick_replies_and_a_tapped_quick_reply_is_the_rating()
    {
        await SurveyAsync(true);
        var psid = "69" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999);
        (await App.CreateClient().PostMessengerAsync(MessengerPayloads.Text(psid, "Hello"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync(psid);
        await ResolveAsync(conversation);

        await SentAsync(Assert.Single(await SurveysAsync(conversation)).MessageId!.Value);
        var body = fixture.Messenger.SendBodies().Last(b => b.GetProperty("recipient").GetProperty("id").GetString() == psid);
        Assert.Equal(5, body.GetProperty("message").GetProperty("quick_replies").GetArrayLength());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());

        (await App.CreateClient().PostMessengerAsync(MessengerPayloads.QuickReply(psid, "2 · Poor", "csat:2"))).EnsureSuccessStatusCode();

        var answered = await AnsweredAsync(conversation);
        Assert.Equal((2, Core.Channels.ChannelKind.Messenger), (answered.Rating, answered.Channel));
        await ThanksAsync(conversation);
        Assert.Equal(ConversationStatus.Resolved, (await ConversationAsync(conversation)).Status);
    }

    [Fact]
    public async Task LINE_survey_goes_with_quick_reply_postbacks_and_a_postback_tap_is_the_rating()
    {
        await SurveyAsync(true);
        var userId = LinePayloads.NewUserId();
        (await App.CreateClient().PostLineAsync(LinePayloads.Text(userId, "Hello"))).EnsureSuccessStatusCode();
        var conversation = await ConversationOfAsync(userId);
        await ResolveAsync(conversation);

        await SentAsync(Assert.Single(await SurveysAsync(conversation)).MessageId!.Value);
        var sent = fixture.Line.Requests(FakeLineApi.ReplyPath).Concat(fixture.Line.Requests(FakeLineApi.PushPath))
            .Select(r => r.Body).Last(b => b.ValueKind == JsonValueKind.Object && b.GetRawText().Contains("csat:5"));
        Assert.Equal(5, sent.GetProperty("messages")[0].GetProperty("quickReply").GetProperty("items").GetArrayLength());

        (await App.CreateClient().PostLineAsync(LinePayloads.Postback(userId, "csat:5"))).EnsureSuccessStatusCode();

        Assert.Equal(5, (await AnsweredAsync(conversation)).Rating);
        await ThanksAsync(conversation);
        Assert.Equal(ConversationStatus.Resolved, (await ConversationAsync(conversation)).Status);
    }

    [Fact]
    public async Task The_survey_template_picker_offers_only_approved_templates_without_values_and_refuses_others()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<ITemplateCatalogue>();
        await catalogue.AddAsync(null, "csat_with_name", "en_US", "Hi {{1}}, how did we do?", default);
        var paused = await catalogue.AddAsync(null, "csat_paused", "en_US", "How did we do?", default);
        await catalogue.SetActiveAsync(paused, false, default);
        var admin = scope.ServiceProvider.GetRequiredService<TeamAdmin>();

        var offered = await admin.SurveyTemplatesAsync(default);

        Assert.Contains(Template, offered);
        Assert.DoesNotContain("csat_with_name", offered);
        Assert.DoesNotContain("csat_paused", offered);
        await Assert.ThrowsAsync<Core.Common.InboxDomainException>(() => admin.ConfigureSurveyAsync(DefaultInbox, true, "csat_with_name", default));
        await admin.ConfigureSurveyAsync(DefaultInbox, true, Template, default);
        Assert.Contains((await admin.InboxesAsync(default)), i => i.Id == DefaultInbox && i.CsatEnabled && i.CsatTemplateName == Template);
    }

    private async Task<Guid> ConversationOfAsync(string externalId)
    {
        await using var db = App.CreateDbContext();
        var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.ExternalId == externalId), i => i is not null,
            because: "the patient's message is processed");
        return await Eventually.GetAsync(() => db.Conversations.Where(c => c.ContactId == identity!.ContactId).Select(c => c.Id).FirstOrDefaultAsync(), id => id != Guid.Empty);
    }
}
