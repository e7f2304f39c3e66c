using System.Net;
using System.Text;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Integration;

/// <summary>
/// ASP.NET Core's rate limiter with low limits set through the factory: sign-in per email and per address
/// (back to the form with the wait), webhooks per channel and address (429 + Retry-After); refusals are
/// logged at Warning without the address or the email.
/// </summary>
public sealed class RateLimitTests
{
    private sealed class App(IDictionary<string, string?> settings) : InboxWebApplicationFactory(settings)
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddProvider(Logs));
        }

        public List<string> Refusals() => Logs.Lines
            .Where(l => l.Level == LogLevel.Warning && l.Category == "Inbox.RateLimiting").Select(l => l.Text).ToList();
    }

    private static App SignInApp(int perAddress, int perEmail) => new(new Dictionary<string, string?>
    {
        ["RateLimits:SignIn:PermitsPerAddress"] = perAddress.ToString(),
        ["RateLimits:SignIn:PermitsPerEmail"] = perEmail.ToString(),
        ["RateLimits:SignIn:Window"] = "00:10:00",
    });

    [Fact]
    public async Task Too_many_attempts_for_one_email_return_to_the_form_saying_how_long_to_wait()
    {
        using var app = SignInApp(perAddress: 100, perEmail: 3);
        var client = StaffSignIn.NewClient(app);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostLoginAsync(client, StaffSignIn.Agent, "wrong-" + i)).StatusCode);

        // Even the right password: the limit holds whatever is submitted, so guessing cannot go on.
        var refused = await StaffSignIn.PostLoginAsync(client, " Agent@Demo.Clinic ", InboxWebApplicationFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        var location = refused.Headers.Location!.ToString();
        Assert.StartsWith("/account/login?", location);
        Assert.Contains("retryAfter=600", location);
        var page = await client.GetStringAsync(location);
        Assert.Contains("data-testid=\"login-throttled\"", page);
        Assert.Contains("Too many sign-in attempts", page);
        Assert.Contains("try again in 600 s", page);
        // Another person at the same desk still signs in: the limit was this email's.
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(client, StaffSignIn.Receptionist, InboxWebApplicationFactory.DemoPassword)).StatusCode);

        var refusal = Assert.Single(app.Refusals());
        Assert.Contains("Sign-in rate limit refused", refusal);
        Assert.DoesNotContain("agent@demo.clinic", refusal, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Too_many_attempts_from_one_address_are_refused_whatever_the_email()
    {
        using var app = SignInApp(perAddress: 4, perEmail: 100);
        var client = StaffSignIn.NewClient(app);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await StaffSignIn.PostLoginAsync(client, $"someone{i}@demo.clinic", "wrong")).StatusCode);

        var refused = await StaffSignIn.PostLoginAsync(client, StaffSignIn.Supervisor, InboxWebApplicationFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.SeeOther, refused.StatusCode);
        // The return address survives the refusal, so signing in later still leads where the person was going.
        var token = await StaffSignIn.AntiforgeryTokenAsync(client);
        var withReturn = await client.PostAsync("/account/login?returnUrl=%2Faudit", Form(StaffSignIn.Supervisor, token));
        Assert.Equal(HttpStatusCode.SeeOther, withReturn.StatusCode);
        Assert.Contains("returnUrl=%2Faudit", withReturn.Headers.Location!.ToString());
        // A post that is not the form (a script) gets the plain status with Retry-After.
        var script = await client.PostAsync("/account/login", new StringContent("{}", Encoding.UTF8, "application/json"));
        await script.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(600), script.Headers.RetryAfter?.Delta);
        // Reading the sign-in page is never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    private static FormUrlEncodedContent Form(string email, string token) => new(new Dictionary<string, string>
    {
        ["_handler"] = "login",
        ["Input.Email"] = email,
        ["Input.Password"] = InboxWebApplicationFactory.DemoPassword,
        ["__RequestVerificationToken"] = token,
    });

    [Fact]
    public async Task A_webhook_flood_from_one_address_gets_429_with_retry_after_per_channel()
    {
        using var app = new App(new Dictionary<string, string?>
        {
            ["RateLimits:Webhooks:TokenLimit"] = "3",
            ["RateLimits:Webhooks:TokensPerPeriod"] = "1",
            ["RateLimits:Webhooks:ReplenishmentPeriod"] = "00:05:00",
        });
        // A real socket, so the refusal has a client address that must stay out of the log.
        app.StartKestrel();
        using var client = new HttpClient { BaseAddress = app.ServerAddress };
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550900001", "Flood Test", "Hello " + i))).StatusCode);

        var refused = await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550900001", "Flood Test", "One too many"));

        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        // Another channel's bucket is untouched: the unsigned body is refused for its signature (401), not throttled.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/webhooks/line", new StringContent("{}"))).StatusCode);
        var refusal = Assert.Single(app.Refusals());
        Assert.Contains("Webhook (WhatsApp) rate limit refused", refusal);
        Assert.DoesNotContain("127.0.0.1", refusal);
    }
}
