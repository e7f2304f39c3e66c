using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Inbox.Tests.Support;

/// <summary>
/// A local stand-in for the LINE Messaging API: reply, push (honouring `X-Line-Retry-Key`: a repeated key gets 409 with
/// the accepted request id), profile and content, answering in the documented shapes (Inbox.Tests/Fixtures/line).
/// Serves both the API and the data host, as `Channels:Line:ApiBaseUrl` alone points both at it.
/// </summary>
public sealed class FakeLineApi : IDisposable
{
    public const string ReplyPath = "/v2/bot/message/reply";
    public const string PushPath = "/v2/bot/message/push";

    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly ConcurrentDictionary<string, (string RequestId, string MessageId)> _acceptedRetryKeys = new();
    private readonly ConcurrentDictionary<string, string> _profiles = new();
    private readonly ConcurrentDictionary<string, (byte[] Bytes, string ContentType)> _contents = new();
    private volatile Func<IRequestMessage, IResponseMessage> _reply;
    private volatile Func<IRequestMessage, IResponseMessage> _push;
    private volatile int _contentStatus;
    private long _nextId = 578236600000000000;

    public FakeLineApi()
    {
        _reply = Accept;
        _push = AcceptOnce;
        _server.Given(Request.Create().WithPath(ReplyPath).UsingPost()).RespondWith(Response.Create().WithCallback(r => _reply(r)));
        _server.Given(Request.Create().WithPath(PushPath).UsingPost()).RespondWith(Response.Create().WithCallback(r => _push(r)));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v2/bot/profile/[^/]+$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Profile));
        _server.Given(Request.Create().WithPath(new WireMock.Matchers.RegexMatcher("^/v2/bot/message/[^/]+/content$")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Content));
    }

    public string Url => _server.Url!;

    /// <summary>Reply and push both succeed (the default).</summary>
    public void AcceptAll() => (_reply, _push) = (Accept, AcceptOnce);

    /// <summary>Every reply token is expired or used: `400 {"message":"Invalid reply token"}`; push succeeds.</summary>
    public void ExpireReplyTokens() => (_reply, _push) = (_ => Json(400, "{\"message\":\"Invalid reply token\"}"), AcceptOnce);

    public void FailReply(int status, string? body = null, string? retryAfter = null) => _reply = _ => Json(status, body, retryAfter);

    public void FailPush(int status, string? body = null, string? retryAfter = null) => _push = _ => Json(status, body, retryAfter);

    public void AddProfile(string userId, string json) => _profiles[userId] = json;

    public void AddContent(string messageId, byte[] bytes, string contentType) => _contents[messageId] = (bytes, contentType);

    /// <summary>Content downloads answer this status instead (0: normal behaviour).</summary>
    public void FailContent(int status) => _contentStatus = status;

    /// <summary>Requests received on <paramref name="path"/>, with their parsed bodies and LINE headers.</summary>
    public IReadOnlyList<Received> Requests(string path) =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path == path)
            .Select(e => new Received(
                e.RequestMessage.Body is { Length: > 0 } b ? JsonDocument.Parse(b).RootElement.Clone() : default,
                Header(e.RequestMessage, "X-Line-Retry-Key"),
                Header(e.RequestMessage, "Authorization"),
                e.ResponseMessage.StatusCode is int s ? s : 0))
            .ToList();

    public IReadOnlyList<string> AuthorizationHeaders() =>
        _server.LogEntries.Select(e => Header(e.RequestMessage, "Authorization")).OfType<string>().ToList();

    public sealed record Received(JsonElement Body, string? RetryKey, string? Authorization, int Status);

    private IResponseMessage Accept(IRequestMessage request) => Json(200, SentMessages(NewId()));

    /// <summary>Push with a retry key LINE has already accepted: 409, the accepted request id, the messages it sent then.</summary>
    private IResponseMessage AcceptOnce(IRequestMessage request)
    {
        if (Header(request, "X-Line-Retry-Key") is not { } key) return Accept(request);
        var fresh = (RequestId: Guid.NewGuid().ToString("D"), MessageId: NewId());
        var accepted = _acceptedRetryKeys.GetOrAdd(key, fresh);
        if (accepted == fresh) return Json(200, SentMessages(fresh.MessageId), requestId: fresh.RequestId);
        var conflict = Json(409, $"{{\"message\":\"The retry key is already accepted\",\"sentMessages\":[{{\"id\":\"{accepted.MessageId}\"}}]}}");
        conflict.AddHeader("X-Line-Accepted-Request-Id", accepted.RequestId);
        return conflict;
    }

    private IResponseMessage Profile(IRequestMessage request) =>
        _profiles.TryGetValue(request.Path.Split('/')[^1], out var json) ? Json(200, json) : Json(404, "{\"message\":\"Not found\"}");

    private IResponseMessage Content(IRequestMessage request)
    {
        if (_contentStatus != 0) return Json(_contentStatus, "{\"message\":\"Failed\"}");
        if (!_contents.TryGetValue(request.Path.Split('/')[^2], out var content)) return Json(404, "{\"message\":\"Not found\"}");
        var response = new ResponseMessage
        {
            StatusCode = 200,
            BodyData = new BodyData { BodyAsBytes = content.Bytes, DetectedBodyType = BodyType.Bytes },
        };
        response.AddHeader("Content-Type", content.ContentType);
        return response;
    }

    private string NewId() => Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string SentMessages(string id) => $"{{\"sentMessages\":[{{\"id\":\"{id}\",\"quoteToken\":\"q-{id}\"}}]}}";

    private static ResponseMessage Json(int status, string? body, string? retryAfter = null, string? requestId = null)
    {
        var response = new ResponseMessage { StatusCode = status };
        response.AddHeader("X-Line-Request-Id", requestId ?? Guid.NewGuid().ToString("D"));
        if (retryAfter is not null) response.AddHeader("Retry-After", retryAfter);
        if (body is not null)
        {
            response.AddHeader("Content-Type", "application/json");
            response.BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String, Encoding = Encoding.UTF8 };
        }
        return response;
    }

    private static string? Header(IRequestMessage request, string name) =>
        request.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();

    public void Dispose() => _server.Stop();
}
