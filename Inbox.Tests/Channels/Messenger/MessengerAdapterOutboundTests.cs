using System.Text.Json.Nodes;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Messenger;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Channels.Messenger;

/// <summary>The adapter against a local fake Graph API over real HTTP: request shapes, responses, error mapping, profile, media.</summary>
public sealed class MessengerAdapterOutboundTests : IDisposable
{
    private const string Page = FakeMessengerApi.PageId;
    private const string Psid = "6843210987654321";
    private const string Token = "page-token-for-unit-tests";

    private readonly FakeMessengerApi _api = new();
    private readonly CapturingLoggerProvider _logs = new();
    private readonly MessengerAdapter _adapter;

    public MessengerAdapterOutboundTests()
    {
        _api.AcceptAll();
        _adapter = AdapterFor(_api.Url);
    }

    private MessengerAdapter AdapterFor(string baseUrl) => new(new HttpClient(),
        new TestOptions<MessengerOptions>(new MessengerOptions { GraphApiBaseUrl = baseUrl }),
        new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.Messenger, Page, ("AppSecret", "s"), ("PageAccessToken", Token))),
        new LoggerFactory([_logs]).CreateLogger<MessengerAdapter>());

    public void Dispose() => _api.Dispose();

    private static OutboundMessage Message(string text, IReadOnlyList<MessageChoice>? choices = null, OutboundMedia? media = null, bool humanAgent = false, OutboundTemplate? template = null) =>
        new(Guid.NewGuid(), Page, new OutboundRecipient(Psid, null), text, choices, media, template, HumanAgentTag: humanAgent);

    /// <summary>The documented sample with our metadata (our message id) in place of the sample's.</summary>
    private static JsonNode Documented(string fixture, Guid messageId)
    {
        var node = JsonNode.Parse(Fixtures.Text("messenger/" + fixture))!;
        node["message"]!["metadata"] = messageId.ToString();
        return node;
    }

    [Fact]
    public async Task Text_with_quick_replies_goes_to_the_page_send_api_in_the_documented_shape_with_the_page_token()
    {
        var message = Message("Which time of day suits you best?",
            [new("SLOT_PREF:MORNING", "Morning"), new("SLOT_PREF:AFTERNOON", "Afternoon"), new("HANDOVER:HUMAN", "Talk to staff")]);

        var result = await _adapter.SendAsync(message, CancellationToken.None);

        Assert.True(result.Succeeded, result.ErrorReason);
        Assert.StartsWith("m_fake-", result.ProviderMessageId);
        var body = JsonNode.Parse(Assert.Single(_api.SendBodies()).GetRawText());
        Assert.True(JsonNode.DeepEquals(Documented("messenger-send-text-quick-replies.json", message.MessageId), body), body!.ToJsonString());
        var (method, path, authorization) = Assert.Single(_api.Requests());
        Assert.Equal(("POST", $"/v25.0/{Page}/messages", $"Bearer {Token}"), (method, path, authorization));
    }

    [Fact]
    public async Task A_human_agent_reply_goes_as_a_message_tag_with_human_agent()
    {
        var message = Message("Hi, this is Dana from reception following up on your question about the blood test. We can fit you in on Friday at 08:15.", humanAgent: true);

        Assert.True((await _adapter.SendAsync(message, CancellationToken.None)).Succeeded);

        var body = JsonNode.Parse(Assert.Single(_api.SendBodies()).GetRawText());
        Assert.True(JsonNode.DeepEquals(Documented("messenger-send-human-agent.json", message.MessageId), body), body!.ToJsonString());
    }

    [Fact]
    public async Task A_plain_reply_inside_the_window_is_a_response_without_tag_or_quick_replies()
    {
        await _adapter.SendAsync(Message("See you at 10:30."), CancellationToken.None);

        var body = Assert.Single(_api.SendBodies());
        Assert.Equal("RESPONSE", body.GetProperty("messaging_type").GetString());
        Assert.False(body.TryGetProperty("tag", out _));
        Assert.False(body.GetProperty("message").TryGetProperty("quick_replies", out _));
        Assert.Equal("See you at 10:30.", body.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Quick_reply_titles_are_cut_to_20_characters_as_the_patient_sees_them()
    {
        await _adapter.SendAsync(Message("Pick one", [new("LONG", "A very long option title indeed"), new("", "Short")]), CancellationToken.None);

        var replies = Assert.Single(_api.SendBodies()).GetProperty("message").GetProperty("quick_replies").EnumerateArray().ToList();
        Assert.Equal("A very long option …", replies[0].GetProperty("title").GetString());
        Assert.Equal(20, replies[0].GetProperty("title").GetString()!.Length);
        Assert.Equal("text", replies[0].GetProperty("content_type").GetString());
        Assert.Equal("Short", replies[1].GetProperty("payload").GetString());
    }

    [Fact]
    public async Task An_attachment_with_text_goes_as_the_attachment_then_the_text_carrying_the_quick_replies()
    {
        var media = new OutboundMedia(MessageType.Document, "https://files.example.org/prep.pdf", "application/pdf", "prep.pdf");
        var message = Message("Please read this before your visit.", [new("OK", "Got it")], media);

        var result = await _adapter.SendAsync(message, CancellationToken.None);

        Assert.True(result.Succeeded);
        var bodies = _api.SendBodies();
        Assert.Equal(2, bodies.Count);
        var attachment = bodies[0].GetProperty("message").GetProperty("attachment");
        Assert.Equal("file", attachment.GetProperty("type").GetString());
        Assert.Equal("https://files.example.org/prep.pdf", attachment.GetProperty("payload").GetProperty("url").GetString());
        Assert.False(bodies[0].GetProperty("message").TryGetProperty("text", out _));
        Assert.False(bodies[0].GetProperty("message").TryGetProperty("quick_replies", out _));
        Assert.Equal("Please read this before your visit.", bodies[1].GetProperty("message").GetProperty("text").GetString());
        Assert.Single(bodies[1].GetProperty("message").GetProperty("quick_replies").EnumerateArray());
        Assert.All(bodies, b => Assert.Equal(message.MessageId.ToString(), b.GetProperty("message").GetProperty("metadata").GetString()));
    }

    [Theory]
    [InlineData(MessageType.Image, "image")]
    [InlineData(MessageType.Video, "video")]
    [InlineData(MessageType.Audio, "audio")]
    [InlineData(MessageType.Document, "file")]
    public async Task An_attachment_alone_is_one_request_of_its_type(MessageType type, string expected)
    {
        await _adapter.SendAsync(Message("", media: new OutboundMedia(type, "https://files.example.org/x", "application/octet-stream")), CancellationToken.None);

        Assert.Equal(expected, Assert.Single(_api.SendBodies()).GetProperty("message").GetProperty("attachment").GetProperty("type").GetString());
    }

    [Fact]
    public async Task When_the_text_after_an_attachment_fails_the_retry_sends_only_the_text()
    {
        _api.FailTextOnly(500);
        var message = Message("Caption-like text", media: new OutboundMedia(MessageType.Image, "https://files.example.org/a.jpg", "image/jpeg"));

        var first = await _adapter.SendAsync(message, CancellationToken.None);
        Assert.Equal(SendFailureKind.Transient, first.FailureKind);
        Assert.Equal(2, _api.SendBodies().Count);

        _api.AcceptAll();
        var retry = await _adapter.SendAsync(message, CancellationToken.None);

        Assert.True(retry.Succeeded);
        var resent = Assert.Single(_api.SendBodies());
        Assert.Equal("Caption-like text", resent.GetProperty("message").GetProperty("text").GetString());
    }

    [Fact]
    public async Task What_messenger_cannot_carry_is_refused_permanently_without_calling_it()
    {
        var template = await _adapter.SendAsync(Message("hi", template: new OutboundTemplate("appointment_reminder", "en", [])), CancellationToken.None);
        var tooLong = await _adapter.SendAsync(Message(new string('a', 2001)), CancellationToken.None);
        var tooManyChoices = await _adapter.SendAsync(Message("pick", Enumerable.Range(1, 14).Select(i => new MessageChoice($"C{i}", $"Choice {i}")).ToList()), CancellationToken.None);
        var notAWebAddress = await _adapter.SendAsync(Message("", media: new OutboundMedia(MessageType.Image, "file:///etc/passwd", "image/jpeg")), CancellationToken.None);

        Assert.All([template, tooLong, tooManyChoices, notAWebAddress], r => Assert.Equal(SendFailureKind.Permanent, r.FailureKind));
        Assert.Contains("not supported on Messenger", template.ErrorReason);
        Assert.Contains("2,000", tooLong.ErrorReason);
        Assert.Contains("13 quick replies", tooManyChoices.ErrorReason);
        Assert.Empty(_api.Requests());
        Assert.True((await _adapter.SendAsync(Message(new string('a', 2000)), CancellationToken.None)).Succeeded, "exactly 2,000 characters is allowed");
    }

    public static TheoryData<int, int, int?, SendFailureKind, string, string> DocumentedErrors => new()
    {
        { 400, 10, 2018278, SendFailureKind.Permanent, "10/2018278", "window has closed" },
        { 400, 1545041, null, SendFailureKind.Permanent, "1545041", "window has closed" },
        { 400, 551, null, SendFailureKind.Permanent, "551", "isn't available" },
        { 400, 100, 2018001, SendFailureKind.Permanent, "100/2018001", "no such person" },
        { 400, 100, null, SendFailureKind.Permanent, "100", "invalid" },
        { 400, 190, 463, SendFailureKind.Permanent, "190/463", "access token" },
        { 403, 10, null, SendFailureKind.Permanent, "10", "permission" },
        { 400, 613, null, SendFailureKind.Transient, "613", "rate limit" },
        { 400, 4, null, SendFailureKind.Transient, "4", "rate limit" },
        { 400, 2, null, SendFailureKind.Transient, "2", "temporary problem" },
        // A 5xx is the platform's trouble whatever code it names.
        { 500, 100, null, SendFailureKind.Transient, "100", "invalid" },
    };

    [Theory]
    [MemberData(nameof(DocumentedErrors))]
    public async Task Documented_errors_are_mapped_to_clear_reasons(int status, int code, int? subcode, SendFailureKind kind, string errorCode, string reason)
    {
        _api.FailAll(status, FakeMessengerApi.GraphError(code, $"(#{code}) platform text", subcode));

        var result = await _adapter.SendAsync(Message("Hello"), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(kind, result.FailureKind);
        Assert.Equal(errorCode, result.ErrorCode);
        Assert.Contains(reason, result.ErrorReason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_documented_outside_window_error_says_the_window_closed()
    {
        _api.FailAll(400, Fixtures.Text("messenger/messenger-error-outside-window.json"));

        var result = await _adapter.SendAsync(Message("Hello again", humanAgent: true), CancellationToken.None);

        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Equal("10/2018278", result.ErrorCode);
        Assert.Contains("7 days", result.ErrorReason);
    }

    [Fact]
    public async Task Rate_limiting_with_retry_after_is_transient_and_honours_the_wait()
    {
        _api.FailAll(429, FakeMessengerApi.GraphError(613, "Calls to this API have exceeded the rate limit."), retryAfterSeconds: 30);

        var result = await _adapter.SendAsync(Message("Hello"), CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.FailureKind);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Outages_without_a_graph_error_are_transient(int status)
    {
        _api.FailAll(status);

        var result = await _adapter.SendAsync(Message("Hello"), CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.FailureKind);
        Assert.Contains("retried", result.ErrorReason);
    }

    [Fact]
    public async Task An_unreachable_platform_is_transient()
    {
        var result = await AdapterFor("http://127.0.0.1:9").SendAsync(Message("Hello"), CancellationToken.None);

        Assert.Equal(SendFailureKind.Transient, result.FailureKind);
        Assert.Contains("could not be reached", result.ErrorReason);
    }

    [Fact]
    public async Task A_page_that_is_not_connected_is_refused_permanently()
    {
        var result = await _adapter.SendAsync(Message("Hello") with { AccountId = "999" }, CancellationToken.None);
        Assert.Equal(SendFailureKind.Permanent, result.FailureKind);
        Assert.Empty(_api.Requests());
    }

    [Fact]
    public async Task The_profile_comes_from_the_user_profile_api_with_the_page_token()
    {
        _api.Profile(Psid, 200, Fixtures.Text("messenger/messenger-user-profile-response.json"));

        var profile = await _adapter.GetProfileAsync(Page, Psid, CancellationToken.None);

        Assert.Equal("Jordan Lee", profile!.DisplayName);
        Assert.StartsWith("https://platform-lookaside.fbsbx.com/platform/profilepic/", profile.PictureUrl);
        var (method, path, authorization) = Assert.Single(_api.Requests());
        Assert.Equal(("GET", $"/v25.0/{Psid}?fields=first_name,last_name,profile_pic", $"Bearer {Token}"), (method, path, authorization));
    }

    [Theory]
    [InlineData(400, "{\"error\":{\"message\":\"No profile available for this user.\",\"type\":\"OAuthException\",\"code\":2018218,\"fbtrace_id\":\"A\"}}")]
    [InlineData(403, "{\"error\":{\"message\":\"(#230) Requires pages_messaging permission\",\"type\":\"OAuthException\",\"code\":230,\"fbtrace_id\":\"A\"}}")]
    [InlineData(200, "{}")]
    [InlineData(500, "")]
    public async Task A_profile_the_page_may_not_read_is_null_and_logged_without_the_psid(int status, string body)
    {
        _api.Profile(Psid, status, body);

        Assert.Null(await _adapter.GetProfileAsync(Page, Psid, CancellationToken.None));

        var warning = Assert.Single(_logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Contains("profile", warning.Text);
        Assert.DoesNotContain(Psid, string.Join("\n", _logs.Lines.Select(l => l.Text)));
    }

    [Fact]
    public async Task An_attachment_is_downloaded_from_its_cdn_address_without_the_page_token()
    {
        var url = _api.Attachment("photo.jpg", 200, [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg");

        await using var download = await _adapter.DownloadMediaAsync(Page, new InboundMedia(url, null, null, null), CancellationToken.None);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal("image/jpeg", download.ContentType);
        using var copy = new MemoryStream();
        await download.Content!.CopyToAsync(copy);
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, copy.ToArray());
        Assert.Null(Assert.Single(_api.Requests()).Authorization);
    }

    [Theory]
    [InlineData(404, SendFailureKind.Permanent, "expired")]
    [InlineData(403, SendFailureKind.Permanent, "expired")]
    [InlineData(500, SendFailureKind.Transient, "retried")]
    [InlineData(503, SendFailureKind.Transient, "retried")]
    public async Task An_expired_attachment_is_final_and_an_outage_is_worth_another_try(int status, SendFailureKind kind, string reason)
    {
        var url = _api.Attachment("gone.jpg", status);

        await using var download = await _adapter.DownloadMediaAsync(Page, new InboundMedia(url, null, null, null), CancellationToken.None);

        Assert.False(download.Succeeded);
        Assert.Equal(kind, download.FailureKind);
        Assert.Contains(reason, download.Error);
    }

    [Fact]
    public async Task An_unreachable_file_server_is_transient()
    {
        await using var download = await _adapter.DownloadMediaAsync(Page, new InboundMedia("http://127.0.0.1:9/cdn/x.jpg", null, null, null), CancellationToken.None);
        Assert.Equal(SendFailureKind.Transient, download.FailureKind);
    }

    [Fact]
    public void Messengers_capabilities_are_its_documented_limits()
    {
        Assert.Equal(2000, _adapter.Capabilities.TextLimit);
        Assert.Equal(13, _adapter.Capabilities.MaxButtons);
        Assert.Equal(TimeSpan.FromHours(24), _adapter.Capabilities.ServiceWindow);
        Assert.Equal("X-Hub-Signature-256", _adapter.SignatureHeader);
    }
}
