using System.Net;
using Inbox.Tests.Support;

namespace Inbox.Tests.Integration;

public sealed class OpenApiAndHealthTests(OpenApiAndHealthTests.App app) : IClassFixture<OpenApiAndHealthTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Fact]
    public async Task OpenApi_document_lists_the_api_with_the_bearer_scheme_and_no_webhooks()
    {
        var document = await app.CreateClient().GetOkAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/conversations", paths);
        Assert.Contains("/api/v1/conversations/{id}/messages", paths);
        Assert.Contains("/api/v1/contacts/{id}", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/webhooks", StringComparison.Ordinal));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task Liveness_answers_Healthy()
    {
        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_Healthy_once_the_database_is_migrated()
    {
        var response = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
