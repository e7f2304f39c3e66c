using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Inbox.Tests.Support;

/// <summary>
/// A local stand-in for Meta's Graph API: the send endpoint and the two-step media download
/// (`GET /{version}/{media-id}` → a URL → the bytes, both with the Bearer token), answering in the documented shapes.
/// </summary>
public sealed class FakeGraphApi : IDisposable
{
    public const string PhoneNumberId = InboxWebApplicationFactory.WhatsAppPhoneNumberId;
    public const string AccessToken = "test-token";

    // Fixed ids so that changing the send behaviour replaces its mapping and leaves the media mappings alone.
    private static readonly Guid SendMapping = Guid.Parse("5e7d0000-0000-4000-8000-000000000001");

    private readonly WireMockServer _server = WireMockServer.Start();

    // 127.0.0.1, not "localhost": WireMock picks a port free on IPv4 only, and on a shared machine [::1] with the
    // same port can belong to another process, which "localhost" would reach first.
    public string Url => _server.Url!.Replace("://localhost:", "://127.0.0.1:", StringComparison.Ordinal);

    private IRequestBuilder SendRequest => Request.Create().WithPath($"/v25.0/{PhoneNumberId}/messages").UsingPost();

    /// <summary>Accepts every send and answers with a fresh wamid.</summary>
    public void AcceptAll()
    {
        _server.Given(SendRequest).WithGuid(SendMapping).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(_ => JsonSerializer.Serialize(new
            {
                messaging_product = "whatsapp",
                contacts = new[] { new { input = "+15550107788", wa_id = "15550107788" } },
                messages = new[] { new { id = "wamid.fake-" + Guid.NewGuid().ToString("N") } },
            })));
    }

    /// <summary>The platform is down: every send gets this status.</summary>
    public void FailAll(int status, string? graphErrorBody = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (graphErrorBody is not null) response = response.WithHeader("Content-Type", "application/json").WithBody(graphErrorBody);
        _server.Given(SendRequest).WithGuid(SendMapping).RespondWith(response);
    }

    public static string GraphError(int code, string message) => JsonSerializer.Serialize(new
    {
        error = new { message, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = message }, fbtrace_id = "AbCdEf" },
    });

    /// <summary>Where the fake serves the file of <paramref name="mediaId"/> (Meta's lookaside URL in real life).</summary>
    public string FileUrl(string mediaId) => $"{Url}/whatsapp_business/attachments/{mediaId}";

    private IRequestBuilder MediaLookup(string mediaId) => Request.Create().WithPath($"/v25.0/{mediaId}").UsingGet().WithHeader("Authorization", "Bearer " + AccessToken);

    private IRequestBuilder MediaFile(string mediaId) => Request.Create().WithPath($"/whatsapp_business/attachments/{mediaId}").UsingGet().WithHeader("Authorization", "Bearer " + AccessToken);

    /// <summary>
    /// Serves a media id as the Cloud API does: the lookup answers the documented JSON (url, mime_type, sha256 as
    /// base64, file_size) and the URL answers the bytes. Both refuse a request without the account's Bearer token.
    /// </summary>
    public void ServeMedia(string mediaId, byte[] content, string mimeType, string? declaredSha256 = null, long? declaredSize = null)
    {
        _server.Given(MediaLookup(mediaId)).AtPriority(10).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody(JsonSerializer.Serialize(new
            {
                messaging_product = "whatsapp",
                url = FileUrl(mediaId),
                mime_type = mimeType,
                sha256 = declaredSha256 ?? Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(content)),
                file_size = (declaredSize ?? content.Length).ToString(System.Globalization.CultureInfo.InvariantCulture),
                id = mediaId,
            })));
        _server.Given(MediaFile(mediaId)).AtPriority(10).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", mimeType).WithBody(content));
        _server.Given(Request.Create().WithPath($"/v25.0/{mediaId}", $"/whatsapp_business/attachments/{mediaId}").UsingGet()).AtPriority(50)
            .RespondWith(Response.Create().WithStatusCode(401).WithHeader("Content-Type", "application/json").WithBody(GraphError(190, "Invalid OAuth access token.")));
    }

    /// <summary>The first download URL handed out has already expired (404); a fresh lookup gives one that works.</summary>
    public void ExpireFirstMediaUrl(string mediaId)
    {
        const string scenario = "expired-url";
        _server.Given(MediaFile(mediaId)).AtPriority(1).InScenario(scenario + mediaId).WillSetStateTo("renewed")
            .RespondWith(Response.Create().WithStatusCode(404));
    }

    /// <summary>The lookup works but every download URL it gives answers 404.</summary>
    public void LoseMediaFile(string mediaId) =>
        _server.Given(MediaFile(mediaId)).AtPriority(1).RespondWith(Response.Create().WithStatusCode(404));

    /// <summary>Every media request for this id gets <paramref name="status"/> (an outage, an expired id, a revoked token).</summary>
    public void FailMedia(string mediaId, int status, string? graphErrorBody = null)
    {
        var response = Response.Create().WithStatusCode(status);
        if (graphErrorBody is not null) response = response.WithHeader("Content-Type", "application/json").WithBody(graphErrorBody);
        _server.Given(Request.Create().WithPath($"/v25.0/{mediaId}").UsingGet()).AtPriority(2).WithGuid(MediaFailure(mediaId)).RespondWith(response);
    }

    /// <summary>Ends <see cref="FailMedia"/>: the id is served again as set up by <see cref="ServeMedia"/>.</summary>
    public void RestoreMedia(string mediaId) => _server.DeleteMapping(MediaFailure(mediaId));

    private static Guid MediaFailure(string mediaId) => new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("fail:" + mediaId)));

    /// <summary>How many times the file URL (second step) of this media id was requested.</summary>
    public int FileRequests(string mediaId) => _server.LogEntries.Count(e => e.RequestMessage.Path == $"/whatsapp_business/attachments/{mediaId}");

    /// <summary>How many times the media id was looked up (first step).</summary>
    public int LookupRequests(string mediaId) => _server.LogEntries.Count(e => e.RequestMessage.Path == $"/v25.0/{mediaId}");

    /// <summary>Bodies of the send requests received so far, parsed.</summary>
    public IReadOnlyList<JsonElement> SendBodies() =>
        _server.LogEntries
            .Where(e => e.RequestMessage.Path.EndsWith("/messages", StringComparison.Ordinal) && e.RequestMessage.Body is not null)
            .Select(e => JsonDocument.Parse(e.RequestMessage.Body!).RootElement.Clone())
            .ToList();

    public IReadOnlyList<string?> AuthorizationHeaders() =>
        _server.LogEntries.Select(e => e.RequestMessage.Headers?.TryGetValue("Authorization", out var v) == true ? v.FirstOrDefault() : null).ToList();

    public void Dispose() => _server.Stop();
}
