using Inbox.Core.Channels;
using Inbox.Infrastructure.Webhooks;
using Inbox.Web.RateLimiting;

namespace Inbox.Web.Endpoints;

/// <summary>
/// `/webhooks/{channel}`: verify the platform's signature over the raw bytes, store the body durably,
/// answer 200. Nothing else happens here; the inbound processor does the rest.
/// </summary>
internal static class WebhookEndpoints
{
    // Meta sends up to 3 MB per webhook.
    private const int MaxBodyBytes = 4 * 1024 * 1024;

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks").ExcludeFromDescription().DisableAntiforgery().AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Webhooks);
        group.MapGet("/{channel}", Handshake);
        group.MapPost("/{channel}", ReceiveAsync);
        return app;
    }

    private static IResult Handshake(string channel, HttpRequest request, IChannelAdapters adapters, ILoggerFactory logs)
    {
        if (Find(channel, adapters) is not { } adapter) return Results.NotFound();
        var answer = adapter.AnswerHandshake(request.Query["hub.mode"], request.Query["hub.verify_token"], request.Query["hub.challenge"]);
        if (answer is not null) return Results.Text(answer, "text/plain");
        logs.CreateLogger("Inbox.Webhooks").LogWarning("{Channel} webhook GET refused: wrong verify token or mode, or the platform has no handshake", adapter.Channel);
        return Results.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(string channel, HttpRequest request, IChannelAdapters adapters, IRawEventStore store, ILoggerFactory logs, CancellationToken ct)
    {
        if (Find(channel, adapters) is not { } adapter) return Results.NotFound();
        var logger = logs.CreateLogger("Inbox.Webhooks");
        if (request.ContentLength > MaxBodyBytes) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        var body = await ReadBodyAsync(request, ct);
        if (body is null) return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);

        if (!adapter.IsSignatureValid(body, request.Headers[adapter.SignatureHeader]))
        {
            // Never the body: it holds patient data.
            logger.LogWarning("{Channel} webhook refused: missing or wrong signature ({Bytes} bytes from {Ip})", adapter.Channel, body.Length, request.HttpContext.Connection.RemoteIpAddress);
            return Results.Problem(title: "The webhook signature is missing or wrong.", statusCode: StatusCodes.Status401Unauthorized);
        }

        switch (adapter.Inspect(body))
        {
            case WebhookInspection.Malformed:
                logger.LogWarning("{Channel} webhook refused: signed but not the platform's JSON envelope ({Bytes} bytes)", adapter.Channel, body.Length);
                return Results.Problem(title: "The webhook body is not valid JSON in the platform's format.", statusCode: StatusCodes.Status400BadRequest);
            case WebhookInspection.UnknownAccount:
                // 200 so the platform does not retry for a week; nothing is stored.
                logger.LogWarning("{Channel} webhook for an account Inbox does not serve was ignored", adapter.Channel);
                return Results.Ok();
            case WebhookInspection.Empty:
                logger.LogInformation("{Channel} webhook with no events (a connection check) answered", adapter.Channel);
                return Results.Ok();
        }

        var outcome = await store.AppendAsync(adapter.Channel, body, ct);
        if (outcome == AppendOutcome.Duplicate) logger.LogInformation("{Channel} webhook redelivered; already stored", adapter.Channel);
        return Results.Ok();
    }

    private static IChannelAdapter? Find(string slug, IChannelAdapters adapters) =>
        ChannelNames.TryParseSlug(slug, out var kind) ? adapters.All.FirstOrDefault(a => a.Channel == kind) : null;

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } n and > 0 ? (int)n : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
