using System.Net;
using Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Integration;

public sealed class SignInTests(SignInTests.App app) : IClassFixture<SignInTests.App>
{
    /// <summary>The app on a clock the tests move by hand.</summary>
    public sealed class App() : InboxWebApplicationFactory(services: s =>
    {
        s.RemoveAll<TimeProvider>();
        s.AddSingleton<TimeProvider>(Clock);
    })
    {
        public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task The_inbox_sends_an_anonymous_visitor_to_sign_in()
    {
        var response = await StaffSignIn.NewClient(app).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery.Replace(app.Server.BaseAddress.ToString(), "/"));
    }

    [Fact]
    public async Task Webhooks_health_and_the_sign_in_page_are_open()
    {
        var client = StaffSignIn.NewClient(app);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostWhatsAppAsync("{}", "sha256=00")).StatusCode);
    }

    [Fact]
    public async Task A_right_password_signs_in_and_opens_the_inbox()
    {
        var client = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Receptionist);

        var inbox = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        var response = await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), StaffSignIn.Agent, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var client = StaffSignIn.NewClient(app);
        for (var i = 0; i < 5; i++) await StaffSignIn.PostLoginAsync(client, StaffSignIn.Admin, "wrong-password-" + i);

        var response = await StaffSignIn.PostLoginAsync(client, StaffSignIn.Admin, InboxWebApplicationFactory.DemoPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Fifteen_idle_minutes_sign_the_person_out_and_activity_keeps_them_in()
    {
        var client = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Supervisor);

        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        App.Clock.Advance(TimeSpan.FromMinutes(15));
        var afterIdle = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, afterIdle.StatusCode);
        Assert.Contains("/account/login", afterIdle.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_pages_activity_ping_keeps_a_working_person_signed_in()
    {
        var client = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Agent);
        var ping = () => client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/account/activity") { Headers = { { "X-Inbox-Activity", "1" } } });

        for (var i = 0; i < 3; i++)
        {
            App.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.NoContent, (await ping()).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/account/activity", null)).StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session_for_good()
    {
        var client = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Receptionist);
        var token = await StaffSignIn.AntiforgeryTokenAsync(client);

        var signOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
