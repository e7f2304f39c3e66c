using System.Net;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>A new production installation: no staff, so every page leads to the one-time setup of the first admin.</summary>
public sealed class FirstRunSetupTests(FirstRunSetupTests.App app) : IClassFixture<FirstRunSetupTests.App>
{
    public sealed class App() : InboxWebApplicationFactory(environment: "Production");

    private const string Email = "owner@clinic.test";
    private const string Password = "First-Admin-Password-2026";

    private static Task<HttpResponseMessage> PostSetupAsync(HttpClient client, string password, string confirm) =>
        StaffSignIn.PostFormAsync(client, "/setup", "setup", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Olive Owner",
            ["Input.Email"] = Email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirm,
        });

    [Fact]
    public async Task Setup_creates_the_first_admin_once_and_then_is_gone()
    {
        var client = StaffSignIn.NewClient(app);
        foreach (var path in new[] { "/", "/account/login", "/admin/staff" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/setup", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var mismatch = await PostSetupAsync(client, Password, "Another-Password-2026");
        Assert.Contains("The two passwords differ", await mismatch.Content.ReadAsStringAsync());
        var weak = await PostSetupAsync(client, "password", "password");
        Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync());

        var created = await PostSetupAsync(client, Password, Password);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/account/login?reason=setup", created.Headers.Location!.PathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/setup")).StatusCode);
        var afterwards = await client.GetAsync("/");
        Assert.StartsWith("/account/login", afterwards.Headers.Location!.PathAndQuery);
        await using var db = app.CreateDbContext();
        Assert.Equal("setup.first-admin", (await db.AuditLog.SingleAsync(a => a.SubjectType == "staff")).Action);
    }

    [Fact]
    public async Task The_first_admin_signs_in_and_is_sent_to_set_up_two_factor_as_production_requires()
    {
        await using (var db = app.CreateDbContext())
            if (!await db.Users.AnyAsync()) await PostSetupAsync(StaffSignIn.NewClient(app), Password, Password);
        var client = StaffSignIn.NewClient(app);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(client, Email, Password)).StatusCode);

        var inbox = await client.GetAsync("/");
        Assert.Equal("/account/two-factor?returnUrl=%2F", inbox.Headers.Location!.OriginalString);
    }
}
