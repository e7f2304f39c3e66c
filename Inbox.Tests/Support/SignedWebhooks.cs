using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Inbox.Tests.Support;

/// <summary>Posts webhook bodies signed the way each platform signs them.</summary>
public static class SignedWebhooks
{
    public static string MetaSignature(byte[] body, string secret = InboxWebApplicationFactory.WhatsAppAppSecret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    public static Task<HttpResponseMessage> PostWhatsAppAsync(this HttpClient client, byte[] body, string? signature = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? MetaSignature(body));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostWhatsAppAsync(this HttpClient client, string json, string? signature = null) =>
        client.PostWhatsAppAsync(Encoding.UTF8.GetBytes(json), signature);

    /// <summary>Posts to `/webhooks/messenger`, signed with the test app secret unless <paramref name="signature"/> says otherwise ("" sends none).</summary>
    public static Task<HttpResponseMessage> PostMessengerAsync(this HttpClient client, byte[] body, string? signature = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/messenger") { Content = content };
        signature ??= MetaSignature(body, InboxWebApplicationFactory.MessengerAppSecret);
        if (signature.Length > 0) request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostMessengerAsync(this HttpClient client, string json, string? signature = null) =>
        client.PostMessengerAsync(Encoding.UTF8.GetBytes(json), signature);

    public static string LineSignature(byte[] body, string secret = InboxWebApplicationFactory.LineChannelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Posts to `/webhooks/line` with `x-line-signature`; <paramref name="signature"/> "" sends no header.</summary>
    public static Task<HttpResponseMessage> PostLineAsync(this HttpClient client, byte[] body, string? signature = null)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/line") { Content = content };
        if (signature != "") request.Headers.TryAddWithoutValidation("x-line-signature", signature ?? LineSignature(body));
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostLineAsync(this HttpClient client, string json, string? signature = null) =>
        client.PostLineAsync(Encoding.UTF8.GetBytes(json), signature);
}
