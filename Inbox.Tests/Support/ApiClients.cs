using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Support;

/// <summary>Calls the public API as a client would, and arranges data the way the platforms deliver it.</summary>
public static class ApiClients
{
    public static HttpClient CreateApiClient(this InboxWebApplicationFactory app, string? key = InboxWebApplicationFactory.ApiKey)
    {
        var client = app.CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>GETs <paramref name="url"/>, asserts 200 and returns the JSON.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>A patient writes on WhatsApp (a signed webhook); waits until it is stored and returns its conversation id.</summary>
    public static async Task<Guid> ReceiveWhatsAppAsync(this InboxWebApplicationFactory app, string waId, string name, string text, DateTimeOffset? at = null)
    {
        var wamid = WhatsAppPayloads.NewWamid();
        var response = await app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, name, text, wamid, at));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(
            () => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == wamid),
            m => m is not null, because: $"message {wamid} to be stored");
        return message!.ConversationId;
    }

    public static List<string> Ids(this JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
}
