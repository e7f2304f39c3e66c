using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Inbox.Tests.Support;

/// <summary>
/// A local stand-in for Meta's Graph API as Messenger uses it: the Send API (`POST /v25.0/{page-id}/messages`), the
/// User Profile API (`GET /v25.0/{psid}`) and attachment downloads (`GET /cdn/…`), answering in the documented shapes.
/// </summary>
public sealed class FakeMessengerApi : IDisposable
{
    public const string PageId = InboxWebApplicationFactory.MessengerPageId;

    private readonly WireMockServer _server = WireMockServer.Start();

    public string Url => _server.Url!;

    private static IRequestBuilder SendRequest => Request.Create().WithPath($"/v25.0/{PageId}/messages").UsingPost();

    /// <summary>Accepts every send and answers with a fresh mid, as the Send API does.</summary>
    public void AcceptAll()
    {
        _server.Reset();
        Accept();
    }

    // WireMock.Net tries mappings by ascending priority number: specific failures go below 10.
    private void Accept() =>
        _server.Given(SendRequest).AtPriority(10).RespondWith(Json(200, req => JsonSerializer.Serialize(new
        {
            recipient_id = JsonDocument.Parse(req.Body!).RootElement.GetProperty("recipient").GetProperty("id").GetString(),
            message_id = "m_fake-" + Guid.NewGuid().ToString("N"),
        })));

    /// <summary>Every send gets <paramref name="status"/>, with a Graph error body when given and a Retry-After when given.</summary>
    public void FailAll(int status, string? graphErrorBody = null, int? retryAfterSeconds = null)
    {
        _server.Reset();
        var response = Response.Create().WithStatusCode(status);
        if (graphErrorBody is not null) response = response.WithHeader("Content-Type", "application/json").WithBody(graphErrorBody);
        if (retryAfterSeconds is { } s) response = response.WithHeader("Retry-After", s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _server.Given(SendRequest).RespondWith(response);
    }

    /// <summary>Attachment sends are accepted, text sends get <paramref name="status"/>: the second part of a two-part message fails.</summary>
    public void FailTextOnly(int status)
    {
        _server.Reset();
        _server.Given(Request.Create().WithPath($"/v25.0/{PageId}/messages").UsingPost().WithBody((string? body) => body?.Contains("\"text\"") == true))
            .AtPriority(1).RespondWith(Response.Create().WithStatusCode(status));
        Accept();
    }

    /// <summary>The documented error shape: `{ error: { message, type, code, error_subcode, fbtrace_id } }`.</summary>
    public static string GraphError(int code, string message, int? subcode = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["error"] = new Dictionary<string, object?>
        {
            ["message"] = message, ["type"] = "OAuthException", ["code"] = code, ["error_subcode"] = subcode, ["fbtrace_id"] = "AzYxWvUtSrQpOnMlKjIhGfE",
        },
    });

    /// <summary>The User Profile API answers <paramref name="body"/> for <paramref name="psid"/>.</summary>
    public void Profile(string psid, int status, string body) =>
        _server.Given(Request.Create().WithPath($"/v25.0/{psid}").UsingGet()).RespondWith(Json(status, _ => body));

    /// <summary>An attachment on the fake CDN; returns its URL.</summary>
    public string Attachment(string name, int status, byte[]? content = null, string contentType = "image/jpeg")
    {
        var response = Response.Create().WithStatusCode(status);
        if (content is not null) response = response.WithHeader("Content-Type", contentType).WithBody(content);
        _server.Given(Request.Create().WithPath($"/cdn/{name}").UsingGet()).RespondWith(response);
        return $"{Url}/cdn/{name}?oh=fake&oe=6A000000";
    }

    /// <summary>Bodies of the send requests received so far, parsed, oldest first.</summary>
    public IReadOnlyList<JsonElement> SendBodies() =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal) && e.RequestMessage.Body is not null)
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())
            .ToList();

    /// <summary>Every request received: method, path with query, Authorization header.</summary>
    public IReadOnlyList<(string Method, string PathAndQuery, string? Authorization)> Requests() =>
        _server.LogEntries
            .OrderBy(e => e.RequestMessage.DateTime)
            .Select(e => (e.RequestMessage.Method, e.RequestMessage.Url[Url.Length..],
                e.RequestMessage.Headers?.TryGetValue("Authorization", out var v) == true ? v.FirstOrDefault() : null))
            .ToList();

    private static IResponseBuilder Json(int status, Func<WireMock.IRequestMessage, string> body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);

    public void Dispose() => _server.Stop();
}
