using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Replies to LINE patients through the durable queue and a fake LINE API: the free reply token while it is fresh,
/// push (with a retry key) after that, and LINE's refusals explained.
/// </summary>
[Collection(nameof(LineOutboundTests))]
public sealed class LineOutboundTests(LineOutboundTests.Fixture fixture) : IClassFixture<LineOutboundTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeLineApi Line { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture() => App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:Line:ApiBaseUrl"] = Line.Url });

        public void Dispose()
        {
            App.Dispose();
            Line.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;
    private FakeLineApi Line => fixture.Line;

    /// <summary>The patient writes (at <paramref name="at"/>, LINE's event time); returns their conversation.</summary>
    private async Task<Guid> PatientWritesAsync(string userId, string replyToken, DateTimeOffset? at = null, string text = "Hello")
    {
        var response = await App.CreateClient().PostLineAsync(LinePayloads.Text(userId, text, replyToken: replyToken, at: at));
        response.EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        var identity = await Eventually.GetAsync(() => db.ChannelIdentities.AsNoTracking().FirstOrDefaultAsync(i => i.ExternalId == userId && i.ReplyToken == replyToken), i => i is not null,
            because: "the patient's message is processed and its reply token kept");
        return (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == identity!.ContactId)).Id;
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

    private static string? To(FakeLineApi.Received push) => push.Body.GetProperty("to").GetString();

    [Fact]
    public async Task A_reply_within_the_minute_uses_the_free_reply_token_and_the_next_one_is_pushed()
    {
        var userId = LinePayloads.NewUserId();
        var token = LinePayloads.NewReplyToken();
        var conversation = await PatientWritesAsync(userId, token);

        var first = await ReplyAsync(conversation, "Of course. Which Friday time would you prefer?");
        var sent = await WaitForMessageAsync(first.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "the fake LINE accepts the reply");
        var second = await ReplyAsync(conversation, "And please bring your insurance card.");
        await WaitForMessageAsync(second.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "the token is used up, so it is pushed");

        var reply = Assert.Single(Line.Requests(FakeLineApi.ReplyPath), r => r.Body.GetProperty("replyToken").GetString() == token);
        Assert.Equal("Of course. Which Friday time would you prefer?", reply.Body.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal("Bearer " + InboxWebApplicationFactory.LineChannelAccessToken, reply.Authorization);
        Assert.Matches("^[0-9]+$", sent.ProviderMessageId);
        var push = Assert.Single(Line.Requests(FakeLineApi.PushPath), p => To(p) == userId);
        Assert.Equal("And please bring your insurance card.", push.Body.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal(second.MessageId.Value.ToString("D"), push.RetryKey);
    }

    [Fact]
    public async Task A_reply_after_the_token_has_gone_stale_is_pushed_and_the_token_is_never_sent()
    {
        var userId = LinePayloads.NewUserId();
        var token = LinePayloads.NewReplyToken();
        var conversation = await PatientWritesAsync(userId, token, at: DateTimeOffset.UtcNow.AddMinutes(-2));

        var result = await ReplyAsync(conversation, "Sorry for the wait: yes, Friday works.");

        await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "pushed");
        Assert.Single(Line.Requests(FakeLineApi.PushPath), p => To(p) == userId);
        Assert.DoesNotContain(Line.Requests(FakeLineApi.ReplyPath), r => r.Body.GetProperty("replyToken").GetString() == token);
    }

    [Fact]
    public async Task A_token_line_no_longer_accepts_falls_back_to_push_and_the_reply_is_sent_once()
    {
        Line.ExpireReplyTokens();
        try
        {
            var userId = LinePayloads.NewUserId();
            var token = LinePayloads.NewReplyToken();
            var conversation = await PatientWritesAsync(userId, token);

            var result = await ReplyAsync(conversation, "We can see you at 10:30.");

            var sent = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Sent, "pushed after the refused token");
            Assert.Equal(1, sent.SendAttempts);
            Assert.Single(Line.Requests(FakeLineApi.ReplyPath), r => r.Body.GetProperty("replyToken").GetString() == token);
            Assert.Single(Line.Requests(FakeLineApi.PushPath), p => To(p) == userId);
        }
        finally { Line.AcceptAll(); }
    }

    [Fact]
    public async Task An_exhausted_monthly_quota_fails_the_push_with_a_reason_staff_can_act_on()
    {
        var userId = LinePayloads.NewUserId();
        var conversation = await PatientWritesAsync(userId, LinePayloads.NewReplyToken(), at: DateTimeOffset.UtcNow.AddMinutes(-5));
        Line.FailPush(429, Fixtures.Text("line/line-error-429-quota.json"));
        try
        {
            var result = await ReplyAsync(conversation, "Your results are ready.");

            var failed = await WaitForMessageAsync(result.MessageId!.Value, m => m.Status == DeliveryStatus.Failed, "LINE refuses: quota used up");
            Assert.Equal("quota", failed.ErrorCode);
            Assert.Contains("monthly message quota", failed.ErrorReason);
            Assert.Null(failed.NextAttemptAt);
        }
        finally { Line.AcceptAll(); }
    }

    [Fact]
    public async Task A_new_patient_is_named_from_the_line_profile_api()
    {
        var userId = LinePayloads.NewUserId();
        Line.AddProfile(userId, Fixtures.Text("line/line-profile-response.json").Replace("U36b3216fdaeeb975729fae923d5a4fd1", userId));

        await PatientWritesAsync(userId, LinePayloads.NewReplyToken());

        await using var db = App.CreateDbContext();
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == userId);
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == identity.ContactId), c => c.Name != Contact.UnknownName,
            TimeSpan.FromSeconds(20), because: "the profile refresher asks LINE for the name");
        Assert.Equal("Sora", contact.Name);
    }
}
