using System.Text.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Inbox.Tests.Support;

/// <summary>A local stand-in for Meta's Graph API send endpoint, answering in the documented shapes.</summary>
public sealed class FakeGraphApi : IDisposable
{
    public const string PhoneNumberId = InboxWebApplicationFactory.WhatsAppPhoneNumberId;

    private readonly WireMockServer _server = WireMockServer.Start();

    public string Url => _server.Url!;

    private IRequestBuilder SendRequest => Request.Create().WithPath($"/v25.0/{PhoneNumberId}/messages").UsingPost();

    /// <summary>Accepts every send and answers with a fresh wamid.</summary>
    public void AcceptAll()
    {
        _server.Reset();
        _server.Given(SendRequest).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
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
        _server.Reset();
        var response = Response.Create().WithStatusCode(status);
        if (graphErrorBody is not null) response = response.WithHeader("Content-Type", "application/json").WithBody(graphErrorBody);
        _server.Given(SendRequest).RespondWith(response);
    }

    public static string GraphError(int code, string message) => JsonSerializer.Serialize(new
    {
        error = new { message, type = "OAuthException", code, error_data = new { messaging_product = "whatsapp", details = message }, fbtrace_id = "AbCdEf" },
    });

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
