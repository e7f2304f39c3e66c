using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace Inbox.Tests.Support;

/// <summary>Signs a demo user in through the real sign-in form (antiforgery token and all).</summary>
public static partial class StaffSignIn
{
    public const string Receptionist = "reception@demo.clinic";
    public const string Agent = "agent@demo.clinic";
    public const string Supervisor = "supervisor@demo.clinic";
    public const string Admin = "admin@demo.clinic";

    /// <summary>A client with its own cookie jar that does not follow redirects (so tests can see them).</summary>
    public static HttpClient NewClient(InboxWebApplicationFactory app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>An antiforgery token for this client's cookies, taken from the sign-in form (or another page's form).</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page = "/account/login") =>
        TokenPattern().Match(await client.GetStringAsync(page)).Groups[1].Value;

    /// <summary>Posts a static page's form (Blazor's `_handler` names the form), with an antiforgery token from that page.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string formName, IDictionary<string, string>? fields = null)
    {
        var token = await AntiforgeryTokenAsync(client, page);
        var body = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["_handler"] = formName,
            ["__RequestVerificationToken"] = token,
        };
        return await client.PostAsync(page, new FormUrlEncodedContent(body));
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client);
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<HttpClient> SignedInClientAsync(InboxWebApplicationFactory app, string email)
    {
        var client = NewClient(app);
        var response = await PostLoginAsync(client, email, InboxWebApplicationFactory.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>Signs in and returns the session's cookies as a `Cookie` header, for clients that are not HttpClients (SignalR).</summary>
    public static async Task<string> SignedInCookieHeaderAsync(InboxWebApplicationFactory app, string email)
    {
        var cookies = new CookieContainerHandler();
        var client = app.CreateDefaultClient(cookies);
        var response = await PostLoginAsync(client, email, InboxWebApplicationFactory.DemoPassword);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode}");
        return cookies.Container.GetCookieHeader(app.Server.BaseAddress);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
