using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Line;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.Line;

/// <summary>The adapter against a fake LINE API over real HTTP: request shapes, reply-or-push, retry keys, error mapping.</summary>
public sealed class LineAdapterOutboundTests : IDisposable
{
    private const string Token = "token-for-this-test";

    private readonly FakeLineApi _line = new();
    private readonly HttpClient _http = new();
    private readonly LineAdapter _adapter;

    public LineAdapterOutboundTests()
    {
        var directory = new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.Line, "default", ("ChannelSecret", "s"), ("ChannelAccessToken", Token)));
        _adapter = new LineAdapter(_http, new TestOptions<LineOptions>(new LineOptions { ApiBaseUrl = _line.Url }), directory, new LineAccountRouter(directory), NullLogger<LineAdapter>.Instance);
    }

    public void Dispose()
    {
        _http.Dispose();
        _line.Dispose();
    }

    private static OutboundMessage Message(string text = "Of course. Which Friday time would you prefer?", string? replyToken = null, IReadOnlyList<MessageChoice>? choices = null,
        OutboundMedia? media = null, OutboundTemplate? template = null, string recipient = "U36b3216fdaeeb975729fae923d5a4fd1") =>
        new(Guid.CreateVersion7(), "default", new OutboundRecipient(recipient, null), text, choices, media, template, replyToken);

    private Task<SendResult> SendAsync(OutboundMessage message) => _adapter.SendAsync(message, CancellationToken.None);

    [Fact]
    public async Task With_a_reply_token_the_free_reply_api_is_used_in_the_documented_shape()
    {
        var result = await SendAsync(Message(replyToken: "b440034d6608697a8d41bed440e50454"));

        Assert.True(result.Succeeded);
        var reply = Assert.Single(_line.Requests(FakeLineApi.ReplyPath));
        Assert.Empty(_line.Requests(FakeLineApi.PushPath));
        Assert.Equal("b440034d6608697a8d41bed440e50454", reply.Body.GetProperty("replyToken").GetString());
        var text = Assert.Single(reply.Body.GetProperty("messages").EnumerateArray());
        Assert.Equal("text", text.GetProperty("type").GetString());
        Assert.Equal("Of course. Which Friday time would you prefer?", text.GetProperty("text").GetString());
        Assert.Equal("Bearer " + Token, reply.Authorization);
        Assert.Null(reply.RetryKey); // LINE's reply API has no retry key
    }

    [Fact]
    public async Task The_provider_id_is_the_id_line_gives_the_sent_message()
    {
        var result = await SendAsync(Message(replyToken: "t"));

        Assert.Matches("^[0-9]{18}$", result.ProviderMessageId);
    }

    [Fact]
    public async Task Without_a_reply_token_the_message_is_pushed_to_the_user_with_our_message_id_as_retry_key()
    {
        var message = Message(text: "Reminder: your appointment is on Friday 5 June at 10:30.");

        var result = await SendAsync(message);

        Assert.True(result.Succeeded);
        var push = Assert.Single(_line.Requests(FakeLineApi.PushPath));
        Assert.Equal("U36b3216fdaeeb975729fae923d5a4fd1", push.Body.GetProperty("to").GetString());
        Assert.Equal("Reminder: your appointment is on Friday 5 June at 10:30.", push.Body.GetProperty("messages")[0].GetProperty("text").GetString());
        Assert.Equal(message.MessageId.ToString("D"), push.RetryKey);
        Assert.Equal("Bearer " + Token, push.Authorization);
        AssertSameKeys(Fixtures.Text("line/line-push.json"), push.Body);
    }

    [Fact]
    public async Task An_invalid_reply_token_falls_back_to_push_within_the_same_send()
    {
        _line.ExpireReplyTokens();
        var message = Message(replyToken: "expired-token");

        var result = await SendAsync(message);

        Assert.True(result.Succeeded, result.ErrorReason);
        Assert.Equal(400, Assert.Single(_line.Requests(FakeLineApi.ReplyPath)).Status);
        var push = Assert.Single(_line.Requests(FakeLineApi.PushPath));
        Assert.Equal(200, push.Status);
        Assert.Equal(message.MessageId.ToString("D"), push.RetryKey);
    }

    [Fact]
    public async Task A_retried_push_that_line_already_accepted_is_a_success_with_the_same_message_not_a_second_send()
    {
        var message = Message();

        var first = await SendAsync(message);
        var retry = await SendAsync(message);

        Assert.True(retry.Succeeded, retry.ErrorReason);
        Assert.Equal(first.ProviderMessageId, retry.ProviderMessageId);
        Assert.Equal([200, 409], _line.Requests(FakeLineApi.PushPath).Select(r => r.Status));
    }

    [Fact]
    public async Task Choices_become_postback_quick_replies_with_our_id_as_data_and_the_title_shown_in_the_chat()
    {
        var choices = new[] { new MessageChoice("action=book&slot=2026-06-05T09:00", "Friday 09:00"), new MessageChoice("staff", "I would like to talk to the staff, please") };

        await SendAsync(Message(replyToken: "t", choices: choices));

        var message = Assert.Single(_line.Requests(FakeLineApi.ReplyPath)).Body.GetProperty("messages")[0];
        var items = message.GetProperty("quickReply").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        AssertSameKeys(Fixtures.Text("line/line-reply.json"), _line.Requests(FakeLineApi.ReplyPath)[0].Body);
        var action = items[1].GetProperty("action");
        Assert.Equal("postback", action.GetProperty("type").GetString());
        Assert.Equal("staff", action.GetProperty("data").GetString());
        Assert.Equal("I would like to talk to the staff, please", action.GetProperty("displayText").GetString());
        Assert.Equal("I would like to tal…", action.GetProperty("label").GetString());
        Assert.Equal(20, action.GetProperty("label").GetString()!.Length);
    }

    [Fact]
    public async Task More_than_13_quick_replies_are_refused_before_calling_line()
    {
        var choices = Enumerable.Range(1, 14).Select(i => new MessageChoice($"c{i}", $"Option {i}")).ToList();

        var result = await SendAsync(Message(replyToken: "t", choices: choices));

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Contains("at most 13", result.ErrorReason);
        Assert.Empty(_line.Requests(FakeLineApi.ReplyPath));
    }

    [Fact]
    public async Task A_text_over_5000_characters_is_refused_with_a_clear_reason()
    {
        var result = await SendAsync(Message(text: new string('a', 5001)));

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Contains("5,000 characters", result.ErrorReason);
        Assert.Empty(_line.Requests(FakeLineApi.PushPath));
        Assert.True((await SendAsync(Message(text: new string('a', 5000)))).Succeeded);
    }

    [Fact]
    public async Task A_template_is_refused_because_line_has_none()
    {
        var result = await SendAsync(Message(template: new OutboundTemplate("appointment_reminder", "en", ["Friday"])));

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Equal("template", result.ErrorCode);
    }

    [Fact]
    public async Task An_image_goes_by_url_before_the_text_and_the_quick_replies_sit_under_the_last_message()
    {
        var media = new OutboundMedia(MessageType.Image, "https://clinic.example/map.jpg", "image/jpeg");

        await SendAsync(Message(text: "Here is the map", media: media, choices: [new MessageChoice("ok", "Thanks")]));

        var messages = Assert.Single(_line.Requests(FakeLineApi.PushPath)).Body.GetProperty("messages").EnumerateArray().ToList();
        Assert.Equal(["image", "text"], messages.Select(m => m.GetProperty("type").GetString()));
        Assert.Equal("https://clinic.example/map.jpg", messages[0].GetProperty("originalContentUrl").GetString());
        Assert.Equal("https://clinic.example/map.jpg", messages[0].GetProperty("previewImageUrl").GetString());
        Assert.False(messages[0].TryGetProperty("quickReply", out _));
        Assert.True(messages[1].TryGetProperty("quickReply", out _));
    }

    [Fact]
    public async Task A_video_goes_as_a_link_because_line_needs_a_preview_image_we_do_not_have()
    {
        var media = new OutboundMedia(MessageType.Video, "https://clinic.example/exercise.mp4", "video/mp4");

        await SendAsync(Message(text: "", media: media));

        var message = Assert.Single(Assert.Single(_line.Requests(FakeLineApi.PushPath)).Body.GetProperty("messages").EnumerateArray());
        Assert.Equal("text", message.GetProperty("type").GetString());
        Assert.Contains("https://clinic.example/exercise.mp4", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_exhausted_monthly_quota_fails_the_push_for_good_with_a_reason_staff_can_act_on()
    {
        _line.FailPush(429, Fixtures.Text("line/line-error-429-quota.json"));

        var result = await SendAsync(Message());

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Equal("quota", result.ErrorCode);
        Assert.Contains("monthly message quota", result.ErrorReason);
    }

    [Fact]
    public async Task A_rate_limit_is_transient_and_honours_retry_after()
    {
        _line.FailPush(429, "{\"message\":\"The API rate limit has been exceeded. Try again later.\"}", retryAfter: "7");

        var result = await SendAsync(Message());

        Assert.Equal(SendFailureKind.Transient, result.FailureKind);
        Assert.Equal(TimeSpan.FromSeconds(7), result.RetryAfter);
        Assert.Contains("rate limit", result.ErrorReason);
    }

    [Theory]
    [InlineData(500, SendFailureKind.Transient, "retried")]
    [InlineData(503, SendFailureKind.Transient, "retried")]
    [InlineData(401, SendFailureKind.Permanent, "channel access token")]
    [InlineData(403, SendFailureKind.Permanent, "not allowed")]
    [InlineData(404, SendFailureKind.Permanent, "blocked")]
    public async Task Documented_statuses_map_to_retry_or_a_clear_refusal(int status, SendFailureKind kind, string reason)
    {
        _line.FailPush(status, "{\"message\":\"Failed to send messages\"}");

        var result = await SendAsync(Message());

        Assert.Equal(kind, result.FailureKind);
        Assert.Equal(status.ToString(), result.ErrorCode);
        Assert.Contains(reason, result.ErrorReason);
    }

    [Fact]
    public async Task A_validation_error_names_the_field_line_refused()
    {
        _line.FailReply(400, Fixtures.Text("line/line-error-400.json"));

        var result = await SendAsync(Message(replyToken: "t"));

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Contains("messages[0].text: May not be empty", result.ErrorReason);
        Assert.Empty(_line.Requests(FakeLineApi.PushPath));
    }

    [Fact]
    public async Task An_unreachable_line_is_transient()
    {
        var directory = new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.Line, "default", ("ChannelSecret", "s"), ("ChannelAccessToken", Token)));
        var offline = new LineAdapter(_http, new TestOptions<LineOptions>(new LineOptions { ApiBaseUrl = "http://127.0.0.1:9" }), directory, new LineAccountRouter(directory), NullLogger<LineAdapter>.Instance);

        var result = await offline.SendAsync(Message(), CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.FailureKind);
    }

    [Fact]
    public async Task The_profile_gives_name_picture_and_language_and_none_for_someone_who_is_not_a_friend()
    {
        _line.AddProfile("U36b3216fdaeeb975729fae923d5a4fd1", Fixtures.Text("line/line-profile-response.json"));

        var profile = await _adapter.GetProfileAsync("default", "U36b3216fdaeeb975729fae923d5a4fd1", CancellationToken.None);
        var stranger = await _adapter.GetProfileAsync("default", "U00000000000000000000000000000000", CancellationToken.None);

        Assert.Equal(new ChannelProfile("Sora", "https://profile.line-scdn.net/0hFakePictureExample0000000000", "ja"), profile);
        Assert.Null(stranger);
        Assert.All(_line.AuthorizationHeaders(), h => Assert.Equal("Bearer " + Token, h));
    }

    [Fact]
    public async Task Media_is_downloaded_by_message_id_with_the_channel_token()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3];
        _line.AddContent("578236498812345678", jpeg, "image/jpeg");

        await using var download = await _adapter.DownloadMediaAsync("default", new InboundMedia("578236498812345678", "image/jpeg", null, null), CancellationToken.None);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal("image/jpeg", download.ContentType);
        using var copy = new MemoryStream();
        await download.Content!.CopyToAsync(copy);
        Assert.Equal(jpeg, copy.ToArray());
        Assert.Equal("Bearer " + Token, Assert.Single(_line.AuthorizationHeaders()));
    }

    [Fact]
    public async Task Deleted_content_fails_for_good_and_an_outage_is_retried()
    {
        var media = new InboundMedia("578236400000000000", null, null, null);

        await using var gone = await _adapter.DownloadMediaAsync("default", media, CancellationToken.None);
        _line.FailContent(500);
        await using var outage = await _adapter.DownloadMediaAsync("default", media, CancellationToken.None);

        Assert.Equal(SendFailureKind.Permanent, gone.FailureKind);
        Assert.Equal(SendFailureKind.Transient, outage.FailureKind);
    }

    /// <summary>Every property name the documented sample has, our request has too (at each level, first array item).</summary>
    private static void AssertSameKeys(string documented, JsonElement actual)
    {
        using var doc = JsonDocument.Parse(documented);
        Compare(doc.RootElement, actual, "$");

        void Compare(JsonElement expected, JsonElement got, string path)
        {
            Assert.True(expected.ValueKind == got.ValueKind, $"{path}: expected {expected.ValueKind}, got {got.ValueKind}");
            if (expected.ValueKind == JsonValueKind.Object)
                foreach (var p in expected.EnumerateObject())
                {
                    Assert.True(got.TryGetProperty(p.Name, out var value), $"{path}.{p.Name} is missing");
                    Compare(p.Value, value, $"{path}.{p.Name}");
                }
            else if (expected.ValueKind == JsonValueKind.Array && expected.GetArrayLength() > 0 && got.GetArrayLength() > 0)
                Compare(expected[0], got[0], path + "[0]");
        }
    }
}
