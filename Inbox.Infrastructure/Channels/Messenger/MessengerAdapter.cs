using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Common;
using Inbox.Infrastructure.Channels.Messenger.Payloads;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>
/// Facebook Messenger Platform: Meta-signed page webhooks in, Send API `/{page-id}/messages` out, the User Profile API
/// for names and the attachment's CDN address for media.
/// </summary>
internal sealed class MessengerAdapter(
    HttpClient http,
    IOptionsMonitor<MessengerOptions> options,
    IChannelAccountDirectory accounts,
    ILogger<MessengerAdapter> logger) : IChannelAdapter
{
    // Parts of a two-part message (attachment, then text) already accepted, by our message id and part: a retry after
    // the second part failed sends only what is missing. In memory only: after a restart the attachment may go twice.
    private readonly ConcurrentDictionary<(Guid, int), string> _sentParts = new();

    private MessengerOptions Options => options.CurrentValue;

    private IReadOnlySet<string> ServedPages => accounts.AccountIds(ChannelKind.Messenger);

    public ChannelKind Channel => ChannelKind.Messenger;

    public ChannelCapabilities Capabilities => ChannelCapabilities.Messenger;

    public string SignatureHeader => "X-Hub-Signature-256";

    public bool IsSignatureValid(ReadOnlySpan<byte> body, string? signature) =>
        MetaWebhookAuth.IsSignatureValid(accounts.For(ChannelKind.Messenger), body, signature);

    public string? AnswerHandshake(string? mode, string? verifyToken, string? challenge) =>
        MetaWebhookAuth.AnswerHandshake(accounts.For(ChannelKind.Messenger), mode, verifyToken, challenge);

    public WebhookInspection Inspect(ReadOnlySpan<byte> body)
    {
        var hook = MessengerWebhookReader.Deserialize(body);
        if (hook is null) return WebhookInspection.Malformed;
        return MessengerWebhookReader.EntriesFor(hook, ServedPages).Any() ? WebhookInspection.Accept : WebhookInspection.UnknownAccount;
    }

    public IReadOnlyList<InboundEvent> Parse(ReadOnlySpan<byte> body) =>
        MessengerWebhookReader.Deserialize(body) is { } hook ? MessengerWebhookReader.Read(hook, ServedPages) : [];

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (accounts.Find(ChannelKind.Messenger, message.AccountId) is not { } settings)
            return SendResult.Permanent("account", "This Facebook page is no longer connected.");
        var account = MessengerAccount.From(settings);
        if (account.PageAccessToken is null)
            return SendResult.Permanent("token", "This Facebook page has no page access token: add it in the channel settings.");
        if (MessengerRequests.Build(message, out var refusal) is not { } parts) return refusal!;

        string? lastMid = null;
        for (var part = 0; part < parts.Count; part++)
        {
            if (_sentParts.TryGetValue((message.MessageId, part), out var earlier)) { lastMid = earlier; continue; }
            var result = await SendPartAsync(account, parts[part], cancellationToken);
            if (!result.Succeeded) return result;
            lastMid = result.ProviderMessageId!;
            if (part < parts.Count - 1)
            {
                if (_sentParts.Count > 10_000) _sentParts.Clear(); // only ever a handful; never let it grow unbounded
                _sentParts[(message.MessageId, part)] = lastMid;
            }
        }
        for (var part = 0; part < parts.Count; part++) _sentParts.TryRemove((message.MessageId, part), out _);
        // The last part's mid: the text the patient reads (the attachment's echo is still recognised by its metadata).
        return SendResult.Sent(lastMid!);
    }

    private async Task<SendResult> SendPartAsync(MessengerAccount account, MessengerSendRequest body, CancellationToken cancellationToken)
    {
        var url = $"{ApiBase}/{Uri.EscapeDataString(account.PageId)}/messages";
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, MessengerJson.Default.MessengerSendRequest) };
        // Bearer rather than ?access_token=: tokens stay out of URLs, and so out of any log of them.
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.PageAccessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var sent = TryRead(bytes, MessengerJson.Default.MessengerSendResponse);
                return sent?.MessageId is { Length: > 0 } mid
                    ? SendResult.Sent(mid)
                    : SendResult.Transient(null, "Messenger accepted the request but returned no message id.");
            }
            return Failure(response, bytes);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Messenger send failed: {Error}", ex.GetType().Name);
            return SendResult.Transient(null, "Messenger could not be reached; the message will be retried.");
        }
    }

    private SendResult Failure(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfter(response.Headers.RetryAfter);
        var error = TryRead(body, MessengerJson.Default.MessengerErrorResponse)?.Error;
        logger.LogWarning("Messenger send refused: HTTP {Status}, code {Code}, subcode {Subcode}, trace {Trace}", status, error?.Code, error?.ErrorSubcode, error?.FbtraceId);

        // 5xx, 429 and 408 are the platform's trouble, whatever code it names: try again later.
        var transient = status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
        if (error is { Code: not 0 })
        {
            var mapped = MessengerErrors.ToResult(error.Code, error.ErrorSubcode, error.Message, retryAfter);
            return transient ? mapped with { FailureKind = SendFailureKind.Transient, RetryAfter = retryAfter } : mapped;
        }
        return transient
            ? SendResult.Transient(status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Messenger answered {status}; the message will be retried.", retryAfter)
            : SendResult.Permanent(status.ToString(System.Globalization.CultureInfo.InvariantCulture), $"Messenger refused the message (HTTP {status}).");
    }

    /// <summary>The User Profile API; null when the page may not see the profile (permission, phone-registered account) or Meta is unreachable.</summary>
    public async Task<ChannelProfile?> GetProfileAsync(string accountId, string externalId, CancellationToken cancellationToken)
    {
        if (accounts.Find(ChannelKind.Messenger, accountId) is not { } settings || MessengerAccount.From(settings).PageAccessToken is not { } token)
            return null;
        var url = $"{ApiBase}/{Uri.EscapeDataString(externalId)}?fields=first_name,last_name,profile_pic";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // Never the PSID or the answer: only what tells an admin which permission is missing.
                var error = TryRead(bytes, MessengerJson.Default.MessengerErrorResponse)?.Error;
                logger.LogWarning("Messenger profile not available: HTTP {Status}, code {Code}, subcode {Subcode}", (int)response.StatusCode, error?.Code, error?.ErrorSubcode);
                return null;
            }
            // Meta answers an empty object when the app may not read this profile.
            var profile = TryRead(bytes, MessengerJson.Default.MessengerProfile);
            var name = string.Join(" ", new[] { profile?.FirstName, profile?.LastName }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (name.Length == 0 && profile?.ProfilePic is null)
            {
                logger.LogWarning("Messenger profile not available: the page may not read this person's profile");
                return null;
            }
            return new ChannelProfile(name.Length > 0 ? name : null, profile?.ProfilePic);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Messenger profile lookup failed: {Error}", ex.GetType().Name);
            return null;
        }
    }

    /// <summary>
    /// Messenger attachments are plain CDN addresses (no token): fetch the URL the webhook gave. They expire, so a
    /// 403/404/410 is final; an outage is worth another try.
    /// </summary>
    public async Task<MediaDownload> DownloadMediaAsync(string accountId, InboundMedia media, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(media.ProviderMediaId, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return MediaDownload.Failed(SendFailureKind.Permanent, "The attachment has no web address to download it from.");
        HttpResponseMessage? response = null;
        try
        {
            response = await http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                var content = await response.Content.ReadAsStreamAsync(cancellationToken);
                var opened = MediaDownload.Opened(content, response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentLength);
                response = null; // the stream now owns the connection
                return opened;
            }
            logger.LogWarning("Messenger attachment download refused: HTTP {Status}", status);
            return status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                ? MediaDownload.Failed(SendFailureKind.Transient, $"Messenger's file server answered {status}; the download will be retried.")
                : MediaDownload.Failed(SendFailureKind.Permanent, status is 403 or 404 or 410
                    ? "The attachment's link has expired on Messenger's servers."
                    : $"Messenger's file server refused the download (HTTP {status}).");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Messenger attachment download failed: {Error}", ex.GetType().Name);
            return MediaDownload.Failed(SendFailureKind.Transient, "Messenger's file server could not be reached; the download will be retried.");
        }
        finally
        {
            response?.Dispose();
        }
    }

    private string ApiBase => $"{Options.GraphApiBaseUrl.TrimEnd('/')}/{Options.ApiVersion}";

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow is { Ticks: > 0 } wait ? wait : TimeSpan.Zero : null);

    private static T? TryRead<T>(byte[] body, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        if (body.Length == 0) return default;
        try { return JsonSerializer.Deserialize(body, type); }
        catch (JsonException) { return default; }
    }
}
