using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Line.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>
/// LINE Messaging API: `x-line-signature` webhooks in; reply (free, with a fresh reply token) or push (quota, with
/// `X-Line-Retry-Key`) out; profile and content lookups. LINE sends no delivery receipts for normal messages, so an
/// accepted send stays Sent.
/// </summary>
internal sealed class LineAdapter(
    HttpClient http,
    IOptionsMonitor<LineOptions> options,
    IChannelAccountDirectory accounts,
    LineAccountRouter router,
    ILogger<LineAdapter> logger) : IChannelAdapter
{
    private LineOptions Options => options.CurrentValue;

    public ChannelKind Channel => ChannelKind.Line;

    public ChannelCapabilities Capabilities => ChannelCapabilities.Line;

    public string SignatureHeader => "x-line-signature";

    public bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature) => router.Verify(body, signature);

    // LINE has no subscription handshake: its console's Verify button posts a signed body with no events.
    public string? AnswerHandshake(string? mode, string? verifyToken, string? challenge) => null;

    public WebhookInspection Inspect(ReadOnlySpan<byte> body)
    {
        var hook = LineWebhookReader.Deserialize(body);
        if (hook is null) return WebhookInspection.Malformed;
        if (hook.Events!.Count == 0) return WebhookInspection.Empty;
        return router.Resolve(hook.Destination) is null ? WebhookInspection.UnknownAccount : WebhookInspection.Accept;
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlySpan<byte> body)
    {
        if (LineWebhookReader.Deserialize(body) is not { } hook || hook.Events!.Count == 0) return [];
        // Accepted bodies always had an owner; losing it means several channels without BotUserId and a restart in
        // between. Throwing keeps the body (retried, then set aside with this reason) instead of dropping patients' messages.
        var channelId = router.Resolve(hook.Destination)
            ?? throw new InvalidOperationException("This LINE webhook's channel cannot be told: set BotUserId on every LINE channel.");
        return LineWebhookReader.Read(hook, channelId);
    }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (accounts.Find(ChannelKind.Line, message.AccountId) is not { } settings)
            return SendResult.Permanent("account", "This LINE channel is no longer connected.");
        var account = LineAccount.From(settings);
        if (account.ChannelAccessToken is null)
            return SendResult.Permanent("token", "This LINE channel has no channel access token: add it to the channel's settings.");
        var (messages, refusal) = LineRequests.Build(message);
        if (refusal is not null) return refusal;

        if (message.ReplyToken is { Length: > 0 } replyToken)
        {
            var reply = await PostAsync(account, "/v2/bot/message/reply", LineRequests.Reply(replyToken, messages!), LineJson.Default.LineReplyRequest, retryKey: null, cancellationToken);
            if (!reply.InvalidReplyToken) return reply.Result;
            // Expired or already used: LINE delivered nothing, so pushing now is not a double send.
            logger.LogInformation("LINE reply token for message {MessageId} was no longer valid; pushing instead", message.MessageId);
        }
        var push = await PostAsync(account, "/v2/bot/message/push", LineRequests.Push(message, messages!), LineJson.Default.LinePushRequest, message.MessageId, cancellationToken);
        return push.Result;
    }

    private async Task<(SendResult Result, bool InvalidReplyToken)> PostAsync<T>(
        LineAccount account, string path, T body, JsonTypeInfo<T> json, Guid? retryKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Options.ApiBase + path)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, json)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.Authorization = new("Bearer", account.ChannelAccessToken);
        // Push only: a retry with the same key is never a second message (LINE answers 409 instead).
        if (retryKey is { } key) request.Headers.TryAddWithoutValidation("X-Line-Retry-Key", key.ToString("D"));
        try
        {
            using var response = await http.SendAsync(request, ct);
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode) return (SendResult.Sent(SentId(Read(bytes, LineJson.Default.LineSendResponse)?.SentMessages, response, retryKey)), false);

            var error = Read(bytes, LineJson.Default.LineErrorResponse);
            if (status == 409 && retryKey is not null)
                // "The retry key is already accepted": an earlier attempt got through; this is that message.
                return (SendResult.Sent(SentId(error?.SentMessages, response, retryKey)), false);
            if (LineErrors.IsInvalidReplyToken(status, error)) return (SendResult.Permanent("reply_token", "The LINE reply token was no longer valid."), true);
            logger.LogWarning("LINE {Path} refused: HTTP {Status}", path, status);
            return (LineErrors.ToResult(status, error, RetryAfter(response)), false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("LINE {Path} failed: {Error}", path, ex.GetType().Name);
            return (SendResult.Transient(null, "LINE could not be reached; the message will be retried."), false);
        }
    }

    /// <summary>The first message's id (patients' quotes of it name this id); LINE's request id when it lists none.</summary>
    private static string SentId(List<LineSentMessage>? sent, HttpResponseMessage response, Guid? retryKey) =>
        sent?.FirstOrDefault()?.Id
        ?? Header(response, "X-Line-Accepted-Request-Id")
        ?? Header(response, "X-Line-Request-Id")
        ?? retryKey?.ToString("D")
        ?? "line-accepted";

    public async Task<ChannelProfile?> GetProfileAsync(string accountId, string externalId, CancellationToken cancellationToken)
    {
        if (accounts.Find(ChannelKind.Line, accountId) is not { } settings || LineAccount.From(settings).ChannelAccessToken is not { } token) return null;
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Options.ApiBase}/v2/bot/profile/{Uri.EscapeDataString(externalId)}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await http.SendAsync(request, cancellationToken);
        // 404: the patient has not added the account as a friend, or has blocked it. LINE has no profile to give.
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"LINE profile lookup answered {(int)response.StatusCode}.", null, response.StatusCode);
        var profile = Read(await response.Content.ReadAsByteArrayAsync(cancellationToken), LineJson.Default.LineProfile);
        return profile is null ? null : new ChannelProfile(profile.DisplayName, profile.PictureUrl, profile.Language);
    }

    public async Task<MediaDownload> DownloadMediaAsync(string accountId, InboundMedia media, CancellationToken cancellationToken)
    {
        if (accounts.Find(ChannelKind.Line, accountId) is not { } settings)
            return MediaDownload.Failed(SendFailureKind.Permanent, "This LINE channel is no longer connected.");
        // Content the sender's app hosts elsewhere (`contentProvider: external`) comes as its URL; LINE's own by message id.
        var external = media.ProviderMediaId.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
        var url = external ? media.ProviderMediaId : $"{Options.DataApiBase}/v2/bot/message/{Uri.EscapeDataString(media.ProviderMediaId)}/content";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (!external) request.Headers.Authorization = new("Bearer", LineAccount.From(settings).ChannelAccessToken);
        HttpResponseMessage? response = null;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var content = response.Content;
                response = null; // the caller owns the stream now; disposing it releases the connection
                return MediaDownload.Opened(await content.ReadAsStreamAsync(cancellationToken), content.Headers.ContentType?.MediaType, content.Headers.ContentLength);
            }
            logger.LogWarning("LINE content download refused: HTTP {Status}", status);
            return status switch
            {
                // 202: a video or audio file LINE is still transcoding.
                >= 200 and < 300 => MediaDownload.Failed(SendFailureKind.Transient, "LINE is still preparing this file; it will be fetched again."),
                404 or 410 => MediaDownload.Failed(SendFailureKind.Permanent, "LINE no longer has this file (LINE deletes content after a while)."),
                401 or 403 => MediaDownload.Failed(SendFailureKind.Permanent, "LINE refused the channel access token for this file."),
                408 or 429 or >= 500 => MediaDownload.Failed(SendFailureKind.Transient, $"LINE answered {status}; the file will be fetched again."),
                _ => MediaDownload.Failed(SendFailureKind.Permanent, $"LINE refused the file (HTTP {status})."),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("LINE content download failed: {Error}", ex.GetType().Name);
            return MediaDownload.Failed(SendFailureKind.Transient, "LINE could not be reached; the file will be fetched again.");
        }
        finally
        {
            response?.Dispose();
        }
    }

    private static T? Read<T>(byte[] bytes, JsonTypeInfo<T> json) where T : class
    {
        if (bytes.Length == 0) return null;
        try { return JsonSerializer.Deserialize(bytes, json); }
        catch (JsonException) { return null; }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter is { } r ? r.Delta ?? (r.Date is { } at ? TimeSpan.FromTicks(Math.Max(0, (at - DateTimeOffset.UtcNow).Ticks)) : null) : null;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
