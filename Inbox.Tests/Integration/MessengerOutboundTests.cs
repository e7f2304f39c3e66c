using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Messenger replies leave through the durable queue to a fake Graph API; receipts, echoes and profiles come back through the webhook.</summary>
public sealed class MessengerOutboundTests(MessengerOutboundTests.Fixture fixture) : IClassFixture<MessengerOutboundTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeMessengerApi Api { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture() => App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:Messenger:GraphApiBaseUrl"] = Api.Url });

        public void Dispose()
        {
            App.Dispose();
            Api.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;
    private FakeMessengerApi Api => fixture.Api;

    private static string NewPsid() => "69" + Random.Shared.NextInt64(10_000_000_000_000, 99_999_999_999_999).ToString();

    private async Task<Guid> ConversationWithPatientAsync(string psid, DateTimeOffset? at = null)
    {
        var response = await App.CreateClient().PostMessengerAsync(MessengerPayloads.Text(psid, "Hello", at: at));
        response.EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.ExternalId == psid), i => i is not null);
        return await Eventually.GetAsync(() => db.Conversations.Where(c => c.ContactId == identity!.ContactId).Select(c => c.Id).FirstOrDefaultAsync(), id => id != Guid.Empty);
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
    public async Task A_reply_is_sent_to_the_send_api_as_a_response_and_keeps_the_returned_mid()
    {
        Api.AcceptAll();
        var psid = NewPsid();
        var conversation = await ConversationWithPatientAsync(psid);

        var result = await ReplyAsync(conversation, "Your blood test is booked for 08:15.");

        Assert.Equal(ReplyOutcome.Queued, result.Outcome);
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "the fake platform accepts it");
        Assert.StartsWith("m_fake-", sent.ProviderMessageId);
        var body = Api.SendBodies().Single(b => b.GetProperty("recipient").GetProperty("id").GetString() == psid);
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.Equal("Your blood test is booked for 08:15.", body.GetProperty("message").GetProperty("text").GetString());
        Assert.Equal(sent.Id.ToString(), body.GetProperty("message").GetProperty("metadata").GetString());
        Assert.Contains(Api.Requests(), r => r.PathAndQuery == $"/v25.0/{FakeMessengerApi.PageId}/messages" && r.Authorization == "Bearer " + InboxWebApplicationFactory.MessengerPageAccessToken);
    }

    [Fact]
    public async Task An_outage_keeps_the_reply_queued_then_it_goes_out_when_the_platform_recovers()
    {
        Api.FailAll(503);
        var conversation = await ConversationWithPatientAsync(NewPsid());

        var result = await ReplyAsync(conversation, "We are here.");

        var waiting = await WaitForMessageAsync(result.MessageId!.Value, m => m.SendAttempts >= 1, "the first attempt fails");
        Assert.Equal(DeliveryStatus.Queued, waiting.Status);
        Assert.NotNull(waiting.NextAttemptAt);
        Assert.Contains("retried", waiting.ErrorReason);

        Api.AcceptAll();
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "a retry succeeds");
        Assert.True(sent.SendAttempts >= 2);
        Assert.Null(sent.ErrorReason);
    }

    [Fact]
    public async Task The_platforms_window_error_fails_the_reply_for_good_with_a_clear_reason()
    {
        Api.FailAll(400, Fixtures.Text("messenger/messenger-error-outside-window.json"));
        var psid = NewPsid();
        var conversation = await ConversationWithPatientAsync(psid);

        var result = await ReplyAsync(conversation, "Hello?");

        var failed = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Failed, "the platform refuses it");
        Assert.Equal("10/2018278", failed.ErrorCode);
        Assert.Contains("window has closed", failed.ErrorReason);
        Assert.Null(failed.NextAttemptAt);
        Assert.Single(Api.SendBodies(), b => b.GetProperty("recipient").GetProperty("id").GetString() == psid);
    }

    [Fact]
    public async Task The_echo_of_our_own_reply_is_not_stored_again_and_receipts_move_it_to_read()
    {
        Api.AcceptAll();
        var psid = NewPsid();
        var conversation = await ConversationWithPatientAsync(psid);
        var result = await ReplyAsync(conversation, "See you on Friday.");
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "sent");
        var client = App.CreateClient();

        // Meta echoes every page message; ours carries our message id as metadata.
        await client.PostMessengerAsync(MessengerPayloads.Echo(psid, sent.ProviderMessageId!, sent.Text!, appId: 1234567890, metadata: sent.Id.ToString()));
        await client.PostMessengerAsync(MessengerPayloads.Delivery(psid, DateTimeOffset.UtcNow, sent.ProviderMessageId!));
        await WaitForMessageAsync(sent.Id, m => m.Status == DeliveryStatus.Delivered, "the delivery watermark arrives");
        await client.PostMessengerAsync(MessengerPayloads.Read(psid, DateTimeOffset.UtcNow));
        await WaitForMessageAsync(sent.Id, m => m.Status == DeliveryStatus.Read, "the read watermark arrives");

        await using var db = App.CreateDbContext();
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out));
    }

    [Fact]
    public async Task A_patients_reaction_is_shown_on_our_reply()
    {
        Api.AcceptAll();
        var psid = NewPsid();
        var conversation = await ConversationWithPatientAsync(psid);
        var result = await ReplyAsync(conversation, "Booked!");
        var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "sent");

        await App.CreateClient().PostMessengerAsync(MessengerPayloads.Reaction(psid, sent.ProviderMessageId!, "react", "love", "❤"));

        await WaitForMessageAsync(sent.Id, m => m.PatientReaction == "❤", "the reaction is applied");
    }

    [Fact]
    public async Task A_new_patient_is_named_from_the_user_profile_api()
    {
        Api.AcceptAll();
        var psid = NewPsid();
        Api.Profile(psid, 200, Fixtures.Text("messenger/messenger-user-profile-response.json").Replace("6843210987654321", psid));

        await ConversationWithPatientAsync(psid);

        await using var db = App.CreateDbContext();
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == psid);
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == identity.ContactId), c => c.Name != Contact.UnknownName,
            timeout: TimeSpan.FromSeconds(30), because: "the profile refresher looks the patient up");
        Assert.Equal("Jordan Lee", contact.Name);
    }

    [Fact]
    public async Task A_persons_reply_after_the_24_hour_window_goes_with_the_human_agent_tag()
    {
        Api.AcceptAll();
        var conversation = await ConversationWithPatientAsync(NewPsid(), DateTimeOffset.UtcNow.AddHours(-30));

        var result = await ReplyAsync(conversation, "Sorry for the wait: your report is ready.");

        Assert.Equal(ReplyOutcome.Queued, result.Outcome);
        await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "the tagged reply is accepted");
        var sent = Api.SendBodies().Last(b => b.GetRawText().Contains("Sorry for the wait"));
        Assert.Equal("MESSAGE_TAG", sent.GetProperty("messaging_type").GetString());
        Assert.Equal("HUMAN_AGENT", sent.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task A_reply_more_than_7_days_after_the_patients_last_message_is_not_queued_and_says_why()
    {
        var conversation = await ConversationWithPatientAsync(NewPsid(), DateTimeOffset.UtcNow.AddDays(-8));

        var result = await ReplyAsync(conversation, "Are you still there?");

        Assert.Equal(ReplyOutcome.WindowClosed, result.Outcome);
        Assert.Contains("must write again", result.Detail);
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out));
    }
}
