using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.WhatsApp.Payloads;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>
/// The Cloud API's two-step media download: `GET /{version}/{media-id}` with the number's token gives a URL that
/// lives 5 minutes, then `GET url` with the same token gives the bytes. A media id from a webhook can be fetched
/// for 7 days. A 404 on the URL means it expired: a new URL is fetched and tried once more.
/// </summary>
internal sealed class WhatsAppMediaDownloader(HttpClient http, WhatsAppOptions options, ILogger logger)
{
    public const string Expired = "Expired on WhatsApp: files can be downloaded for 7 days after the patient sent them.";
    public const string TokenRefused = "WhatsApp refused this number's access token (401): renew the system-user token in the channel settings.";

    public async Task<MediaDownload> DownloadAsync(string mediaId, string accessToken, CancellationToken ct)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (info, failure) = await LookUpAsync(mediaId, accessToken, ct);
                if (failure is not null) return failure;
                var download = await FetchAsync(info!, accessToken, ct);
                if (download is not null) return download;
                // 404 on the file: the URL expired between the two calls. One fresh URL, then it is gone for good.
                if (attempt == 2) return MediaDownload.Failed(SendFailureKind.Permanent, Expired);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("WhatsApp media download failed: {Error}", ex.GetType().Name);
            return MediaDownload.Failed(SendFailureKind.Transient, "WhatsApp could not be reached; the download will be retried.");
        }
    }

    private async Task<(WhatsAppMediaUrl? Info, MediaDownload? Failure)> LookUpAsync(string mediaId, string accessToken, CancellationToken ct)
    {
        var url = $"{options.GraphApiBaseUrl.TrimEnd('/')}/{options.ApiVersion}/{Uri.EscapeDataString(mediaId)}";
        using var request = Authorized(HttpMethod.Get, url, accessToken);
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsByteArrayAsync(ct);
        if (response.IsSuccessStatusCode)
        {
            WhatsAppMediaUrl? info = null;
            try { info = JsonSerializer.Deserialize(body, WhatsAppJson.Default.WhatsAppMediaUrl); }
            catch (JsonException) { }
            return info?.Url is { Length: > 0 }
                ? (info, null)
                : (null, MediaDownload.Failed(SendFailureKind.Transient, "WhatsApp answered without a download address; the download will be retried."));
        }
        return (null, LookUpFailure(response, body));
    }

    private MediaDownload LookUpFailure(HttpResponseMessage response, byte[] body)
    {
        var status = (int)response.StatusCode;
        WhatsAppGraphError? error = null;
        try { error = JsonSerializer.Deserialize(body, WhatsAppJson.Default.WhatsAppErrorResponse)?.Error; }
        catch (JsonException) { }
        logger.LogWarning("WhatsApp media lookup refused: HTTP {Status}, code {Code}", status, error?.Code);

        if (IsTransient(response.StatusCode)) return MediaDownload.Failed(SendFailureKind.Transient, $"WhatsApp answered {status}; the download will be retried.");
        if (response.StatusCode == HttpStatusCode.Unauthorized || error?.Code == 190) return MediaDownload.Failed(SendFailureKind.Permanent, TokenRefused);
        // Graph answers an unknown or expired media id with 404, or 400 and code 100 ("object does not exist").
        if (response.StatusCode == HttpStatusCode.NotFound || error?.Code == 100) return MediaDownload.Failed(SendFailureKind.Permanent, Expired);
        return MediaDownload.Failed(SendFailureKind.Permanent, error is null
            ? $"WhatsApp refused the download (HTTP {status})."
            : WhatsAppErrors.Describe(error.Code, error.ErrorData?.Details ?? error.Message));
    }

    /// <summary>The opened file, a failure, or null when the URL has expired (404) and a new one should be fetched.</summary>
    private async Task<MediaDownload?> FetchAsync(WhatsAppMediaUrl info, string accessToken, CancellationToken ct)
    {
        var request = Authorized(HttpMethod.Get, info.Url!, accessToken);
        // Headers only: the caller streams the body, stopping at its size limit.
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (response.IsSuccessStatusCode)
        {
            var content = await response.Content.ReadAsStreamAsync(ct);
            // Meta's own description of the file first: the CDN's headers are not documented.
            var type = info.MimeType ?? response.Content.Headers.ContentType?.ToString();
            return MediaDownload.Opened(new ResponseStream(content, response, request), type, info.FileSize ?? response.Content.Headers.ContentLength);
        }
        using (request)
        using (response)
        {
            var status = (int)response.StatusCode;
            logger.LogWarning("WhatsApp media file refused: HTTP {Status}", status);
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            if (IsTransient(response.StatusCode)) return MediaDownload.Failed(SendFailureKind.Transient, $"WhatsApp answered {status}; the download will be retried.");
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return MediaDownload.Failed(SendFailureKind.Permanent, TokenRefused);
            return MediaDownload.Failed(SendFailureKind.Permanent, $"WhatsApp refused the download (HTTP {status}).");
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;

    private static HttpRequestMessage Authorized(HttpMethod method, string url, string accessToken)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    /// <summary>The response body, releasing the response (and its connection) when the reader is done with it.</summary>
    private sealed class ResponseStream(Stream inner, HttpResponseMessage response, HttpRequestMessage request) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);
        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.ReadAsync(buffer, offset, count, cancellationToken);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                response.Dispose();
                request.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
