using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Common;
using Inbox.Infrastructure.Channels.WhatsApp.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>WhatsApp Cloud API: Meta-signed webhooks in, Graph API `/{phone-number-id}/messages` out, media through `/{media-id}`.</summary>
internal sealed class WhatsAppAdapter(
    HttpClient http,
    IOptionsMonitor<WhatsAppOptions> options,
    IChannelAccountDirectory accounts,
    ILogger<WhatsAppAdapter> logger) : IChannelAdapter
{
    private WhatsAppOptions Options => options.CurrentValue;

    private IReadOnlySet<string> ServedNumbers => accounts.AccountIds(ChannelKind.WhatsApp);

    public ChannelKind Channel => ChannelKind.WhatsApp;

    public ChannelCapabilities Capabilities => ChannelCapabilities.WhatsApp;

    public string SignatureHeader => "X-Hub-Signature-256";

    public bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature) =>
        MetaWebhookAuth.IsSignatureValid(accounts.For(ChannelKind.WhatsApp), body, signature);

    public string? AnswerHandshake(string? mode, string? verifyToken, string? challenge) =>
        MetaWebhookAuth.AnswerHandshake(accounts.For(ChannelKind.WhatsApp), mode, verifyToken, challenge);

    public WebhookInspection Inspect(ReadOnlySpan<byte> body)
    {
        var hook = WhatsAppWebhookReader.Deserialize(body);
        if (hook is null) return WebhookInspection.Malformed;
        return WhatsAppWebhookReader.ValuesFor(hook, ServedNumbers).Any() ? WebhookInspection.Accept : WebhookInspection.UnknownAccount;
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlySpan<byte> body) =>
        WhatsAppWebhookReader.Deserialize(body) is { } hook ? WhatsAppWebhookReader.Read(hook, ServedNumbers) : [];

    public Task<ChannelProfile?> GetProfileAsync(string accountId, string externalId, CancellationToken cancellationToken) =>
        // WhatsApp has no profile lookup: the name comes with every message (contacts[].profile.name).
        Task.FromResult<ChannelProfile?>(null);

    public Task<MediaDownload> DownloadMediaAsync(string accountId, InboundMedia media, CancellationToken cancellationToken) =>
        accounts.Find(ChannelKind.WhatsApp, accountId) is { } settings && WhatsAppAccount.From(settings).AccessToken is { } token
            ? new WhatsAppMediaDownloader(http, Options, logger).DownloadAsync(media.ProviderMediaId, token, cancellationToken)
            : Task.FromResult(MediaDownload.Failed(SendFailureKind.Permanent, "This WhatsApp number is no longer connected (or has no access token)."));

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        var o = Options;
        if (accounts.Find(ChannelKind.WhatsApp, message.AccountId) is not { } settings)
            return SendResult.Permanent("account", "This WhatsApp number is no longer connected.");
        var account = WhatsAppAccount.From(settings);
        if (WhatsAppRequests.Problem(message) is { } problem) return SendResult.Permanent("unsupported", problem);
        var url = $"{o.GraphApiBaseUrl.TrimEnd('/')}/{o.ApiVersion}/{message.AccountId}/messages";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(WhatsAppRequests.For(message)) };
        request.Headers.Authorization = new("Bearer", account.AccessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var sent = JsonSerializer.Deserialize(body, WhatsAppJson.Default.WhatsAppSendResponse);
                return sent?.Messages?.FirstOrDefault()?.Id is { } wamid
                    ? SendResult.Sent(wamid)
                    : SendResult.Transient(null, "WhatsApp accepted the request but returned no message id.");
            }
            return Failure(response, body);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("WhatsApp send failed: {Error}", ex.GetType().Name);
            return SendResult.Transient(null, "WhatsApp could not be reached; the message will be retried.");
        }
    }

    private SendResult Failure(HttpResponseMessage response, byte[] body)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta;
        WhatsAppGraphError? error = null;
        try { error = JsonSerializer.Deserialize(body, WhatsAppJson.Default.WhatsAppErrorResponse)?.Error; }
        catch (JsonException) { }
        logger.LogWarning("WhatsApp send refused: HTTP {Status}, code {Code}", (int)response.StatusCode, error?.Code);

        var status = (int)response.StatusCode;
        // 5xx, 429 and 408 are the platform's trouble, whatever code it names: try again later.
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        if (error is { Code: not 0 })
        {
            var mapped = WhatsAppErrors.ToResult(error.Code, error.ErrorData?.Details ?? error.Message, retryAfter);
            return transient ? mapped with { FailureKind = SendFailureKind.Transient } : mapped;
        }
        return transient
            ? SendResult.Transient(status.ToString(), $"WhatsApp answered {status}; the message will be retried.", retryAfter)
            : SendResult.Permanent(status.ToString(), $"WhatsApp refused the message (HTTP {status}).");
    }
}
