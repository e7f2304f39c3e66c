using Inbox.Tests.Support;

namespace Inbox.Tests.Integration;

public sealed class SecurityHeadersTests(SecurityHeadersTests.App app) : IClassFixture<SecurityHeadersTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/health")]
    [InlineData("/api/v1/conversations")]
    public async Task Every_response_forbids_framing_sniffing_and_foreign_scripts(string path)
    {
        var response = await StaffSignIn.NewClient(app).GetAsync(path);

        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
    }
}
