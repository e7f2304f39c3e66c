using System.Net;
using Inbox.Core.Staff;
using Inbox.Tests.Support;

namespace Inbox.Tests.Integration;

/// <summary>Authenticator-app sign-in (TOTP), driven over HTTP with codes computed from the key the page shows.</summary>
public sealed class TwoFactorTests(TwoFactorTests.App app) : IClassFixture<TwoFactorTests.App>
{
    public sealed class App : ClockedInboxApp;

    private static string PathOf(HttpResponseMessage response) => response.Headers.Location!.IsAbsoluteUri
        ? response.Headers.Location.PathAndQuery
        : response.Headers.Location.OriginalString;

    private static Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code, bool recovery = false) =>
        StaffSignIn.PostFormAsync(client, "/account/login-2fa?returnUrl=%2F" + (recovery ? "&recovery=true" : ""), "login-2fa",
            new Dictionary<string, string> { ["Input.Code"] = code });

    /// <summary>Password first: a person with two-factor on is asked for the code before any cookie is issued.</summary>
    private static async Task<HttpClient> PasswordStepAsync(InboxWebApplicationFactory app, string email)
    {
        var client = StaffSignIn.NewClient(app);
        var response = await StaffSignIn.PostLoginAsync(client, email, StaffAccounts.OwnPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login-2fa?returnUrl=%2F", PathOf(response));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        return client;
    }

    [Fact]
    public async Task The_setup_page_shows_the_key_in_groups_the_otpauth_link_and_a_qr_code_and_refuses_a_wrong_code()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Agent);

        var page = await client.GetStringAsync("/account/two-factor");

        var shown = System.Text.RegularExpressions.Regex.Match(page, "data-testid=\"two-factor-key\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^([a-z2-7]{4} )+[a-z2-7]{1,4}$", shown);
        Assert.Contains($"otpauth://totp/Inbox%3A{email}?secret={shown.Replace(" ", "").ToUpperInvariant()}&issuer=Inbox", WebUtility.HtmlDecode(page));
        Assert.Contains("src=\"data:image/png;base64,", page);

        var wrong = await StaffSignIn.PostFormAsync(client, "/account/two-factor", "enable", new Dictionary<string, string> { ["Enable.Code"] = "000000" });
        Assert.Contains("That code doesn't match", WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.DoesNotContain("staff.2fa.enabled", await StaffAccounts.AuditActionsAsync(app, await StaffAccounts.IdOfAsync(app, email)));
    }

    [Fact]
    public async Task After_enrolment_sign_in_needs_the_current_code_and_refuses_a_wrong_or_replayed_one()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Agent);
        var (key, _) = await StaffAccounts.EnrolTwoFactorAsync(client, app.Clock);
        var id = await StaffAccounts.IdOfAsync(app, email);

        var attempt = await PasswordStepAsync(app, email);
        var wrong = await PostCodeAsync(attempt, TotpCodes.At(key, app.Clock.GetUtcNow().AddMinutes(10)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("That code is wrong or has expired", await wrong.Content.ReadAsStringAsync());

        var code = TotpCodes.At(key, app.Clock.GetUtcNow());
        var right = await PostCodeAsync(attempt, code);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/", PathOf(right));
        Assert.Equal(HttpStatusCode.OK, (await attempt.GetAsync("/")).StatusCode);

        // The same code seen over a shoulder, seconds later: refused.
        var replay = await PostCodeAsync(await PasswordStepAsync(app, email), code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);

        var actions = await StaffAccounts.AuditActionsAsync(app, id);
        Assert.Contains("staff.2fa.enabled", actions);
        Assert.Equal(2, actions.Count(a => a == "signin.2fa.failed"));
        Assert.Equal(2, actions.Count(a => a == "signin.succeeded"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Receptionist);
        var (_, recoveryCodes) = await StaffAccounts.EnrolTwoFactorAsync(client, app.Clock);

        var first = await PostCodeAsync(await PasswordStepAsync(app, email), recoveryCodes[0].ToLowerInvariant(), recovery: true);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await PostCodeAsync(await PasswordStepAsync(app, email), recoveryCodes[0], recovery: true);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("wrong or was used before", await second.Content.ReadAsStringAsync());
        Assert.Contains("signin.2fa.recovery-code", await StaffAccounts.AuditActionsAsync(app, await StaffAccounts.IdOfAsync(app, email)));
        Assert.Contains("9 recovery codes left", await client.GetStringAsync("/account/two-factor"));
    }

    [Fact]
    public async Task Turning_two_factor_off_returns_to_password_only_sign_in()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Supervisor);
        await StaffAccounts.EnrolTwoFactorAsync(client, app.Clock);

        var off = await StaffSignIn.PostFormAsync(client, "/account/two-factor", "disable");

        Assert.Contains("Turn on two-factor sign-in", await off.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        var signIn = await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword);
        Assert.Equal("/", PathOf(signIn));
        Assert.Contains("staff.2fa.disabled", await StaffAccounts.AuditActionsAsync(app, await StaffAccounts.IdOfAsync(app, email)));
    }

    [Fact]
    public async Task An_admin_can_turn_off_two_factor_for_someone_who_lost_their_phone()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Agent);
        await StaffAccounts.EnrolTwoFactorAsync(client, app.Clock);
        var id = await StaffAccounts.IdOfAsync(app, email);

        Assert.True((await StaffAccounts.AsAdminAsync(app, (d, admin) => d.TurnOffTwoFactorAsync(admin, id))).Succeeded);

        Assert.Equal("/", PathOf(await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword)));
    }
}

/// <summary>`Security:RequireTwoFactorForAdmins`: an admin without two-factor sets it up before anything else.</summary>
public sealed class RequiredTwoFactorTests(RequiredTwoFactorTests.App app) : IClassFixture<RequiredTwoFactorTests.App>
{
    public sealed class App() : ClockedInboxApp(new Dictionary<string, string?> { ["Security:RequireTwoFactorForAdmins"] = "true" });

    [Fact]
    public async Task An_admin_without_two_factor_reaches_nothing_but_the_set_up_until_enrolled()
    {
        var admin = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Admin);

        foreach (var path in new[] { "/", "/admin/staff" })
        {
            var response = await admin.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/account/two-factor?returnUrl=" + Uri.EscapeDataString(path), response.Headers.Location!.OriginalString);
        }
        var setup = await admin.GetStringAsync("/account/two-factor");
        Assert.Contains("Set it up to carry on", setup);

        await StaffAccounts.EnrolTwoFactorAsync(admin, app.Clock);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/staff")).StatusCode);
        var status = await admin.GetStringAsync("/account/two-factor");
        Assert.Contains("Admins must keep two-factor sign-in on", status);
        Assert.DoesNotContain("disable-two-factor", status);
        // No such form is offered to an admin; a hand-made post is refused and changes nothing.
        var refused = await StaffSignIn.PostFormAsync(admin, "/account/two-factor", "disable");
        Assert.False(refused.IsSuccessStatusCode);
        Assert.Contains("Two-factor sign-in is on", await admin.GetStringAsync("/account/two-factor"));
    }

    [Fact]
    public async Task Other_roles_are_not_forced()
    {
        var agent = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Agent);

        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/")).StatusCode);
    }
}
