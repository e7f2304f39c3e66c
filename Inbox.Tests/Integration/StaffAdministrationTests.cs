using System.Net;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>An admin manages staff accounts; each change is felt at once by the person and recorded in the audit log.</summary>
public sealed class StaffAdministrationTests(StaffAdministrationTests.App app) : IClassFixture<StaffAdministrationTests.App>
{
    public sealed class App : ClockedInboxApp;

    private static async Task<string> BodyAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    private static string PathOf(HttpResponseMessage response) => response.Headers.Location!.IsAbsoluteUri
        ? response.Headers.Location.PathAndQuery
        : response.Headers.Location.OriginalString;

    [Fact]
    public async Task A_new_person_signs_in_with_the_temporary_password_and_must_choose_their_own_first()
    {
        var (email, temporary) = await StaffAccounts.AddAsync(app, StaffRole.Agent, "Pat Newcomer");
        var client = StaffSignIn.NewClient(app);

        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(client, email, temporary)).StatusCode);

        // Nothing but the password step until it is done: not the inbox, not the live connection.
        var inbox = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, inbox.StatusCode);
        Assert.Equal("/account/change-password?returnUrl=%2F", PathOf(inbox));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/conversations/" + Guid.NewGuid())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Contains("temporary password", await client.GetStringAsync("/account/change-password"));

        var mismatch = await StaffAccounts.ChangePasswordAsync(client, temporary, StaffAccounts.OwnPassword, confirm: "Something-Else-2026");
        Assert.Equal(HttpStatusCode.OK, mismatch.StatusCode);
        Assert.Contains("The two new passwords differ", await BodyAsync(mismatch));
        var weak = await StaffAccounts.ChangePasswordAsync(client, temporary, "short");
        Assert.Contains("at least 12 characters", await BodyAsync(weak));

        var changed = await StaffAccounts.ChangePasswordAsync(client, temporary, StaffAccounts.OwnPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/", PathOf(changed));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // The temporary password was good for one sign-in only.
        Assert.Contains("The email or password is wrong.", await BodyAsync(await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, temporary)));
        var id = await StaffAccounts.IdOfAsync(app, email);
        Assert.Equal(["staff.create", "signin.succeeded", "staff.password.change", "signin.failed"], await StaffAccounts.AuditActionsAsync(app, id));
    }

    [Fact]
    public async Task A_role_change_applies_at_once_and_is_audited_with_the_admin_who_made_it()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Receptionist);
        var id = await StaffAccounts.IdOfAsync(app, email);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/staff")).StatusCode);

        var promoted = await StaffAccounts.AsAdminAsync(app, (d, admin) => d.ChangeRoleAsync(admin, id, StaffRole.Admin));

        Assert.True(promoted.Succeeded);
        // The old sign-in carried the old role: it has ended, and the next one carries the new role.
        var stale = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.StartsWith("/account/login", PathOf(stale));
        var again = StaffSignIn.NewClient(app);
        await StaffSignIn.PostLoginAsync(again, email, StaffAccounts.OwnPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/admin/staff")).StatusCode);

        await StaffAccounts.AsAdminAsync(app, (d, admin) => d.ChangeRoleAsync(admin, id, StaffRole.Agent));
        var demoted = StaffSignIn.NewClient(app);
        await StaffSignIn.PostLoginAsync(demoted, email, StaffAccounts.OwnPassword);
        Assert.Equal(HttpStatusCode.Redirect, (await demoted.GetAsync("/admin/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await demoted.GetAsync("/")).StatusCode);

        await using var db = app.CreateDbContext();
        var changes = db.AuditLog.Where(a => a.SubjectId == id && a.Action == "staff.role.change").ToList();
        Assert.Equal(2, changes.Count);
        var adminId = await StaffAccounts.IdOfAsync(app, StaffSignIn.Admin);
        Assert.All(changes, c => Assert.Equal(adminId, c.ActorId));
    }

    [Fact]
    public async Task Only_an_admin_may_change_accounts_even_when_calling_the_service_directly()
    {
        var (email, _) = await StaffAccounts.AddAsync(app, StaffRole.Agent);
        var id = await StaffAccounts.IdOfAsync(app, email);

        var refused = await StaffAccounts.AsAdminAsync(app, (d, supervisor) => d.ChangeRoleAsync(supervisor, id, StaffRole.Admin), asEmail: StaffSignIn.Supervisor);

        Assert.False(refused.Succeeded);
        Assert.Contains("Only an admin", refused.Errors.Single());
        Assert.DoesNotContain("staff.role.change", await StaffAccounts.AuditActionsAsync(app, id));
    }

    [Fact]
    public async Task A_password_reset_signs_the_person_out_and_only_the_new_temporary_password_works()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Agent);
        var id = await StaffAccounts.IdOfAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        var reset = await StaffAccounts.AsAdminAsync(app, (d, admin) => d.ResetPasswordAsync(admin, id));

        Assert.True(reset.Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("The email or password is wrong.", await BodyAsync(await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword)));
        var again = StaffSignIn.NewClient(app);
        await StaffSignIn.PostLoginAsync(again, email, reset.TemporaryPassword!);
        Assert.StartsWith("/account/change-password", PathOf(await again.GetAsync("/")));
        Assert.Contains("staff.password.reset", await StaffAccounts.AuditActionsAsync(app, id));
    }

    [Fact]
    public async Task Disabling_ends_a_live_session_and_refuses_sign_in_until_enabled_again()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Receptionist);
        var id = await StaffAccounts.IdOfAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        Assert.True((await StaffAccounts.AsAdminAsync(app, (d, admin) => d.DisableAsync(admin, id))).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        var refused = await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var listed = (await ListAsync()).Single(p => p.Id == id);
        Assert.Equal(StaffAccountState.Disabled, listed.State);

        Assert.True((await StaffAccounts.AsAdminAsync(app, (d, admin) => d.EnableAsync(admin, id))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword)).StatusCode);
        Assert.Equal(["staff.disable", "signin.disabled", "staff.enable", "signin.succeeded"],
            (await StaffAccounts.AuditActionsAsync(app, id)).SkipWhile(a => a != "staff.disable"));
    }

    [Fact]
    public async Task Locking_ends_a_live_session_until_an_admin_unlocks()
    {
        var (email, client) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Agent);
        var id = await StaffAccounts.IdOfAsync(app, email);

        Assert.True((await StaffAccounts.AsAdminAsync(app, (d, admin) => d.LockAsync(admin, id))).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
        Assert.Contains("locked", await BodyAsync(await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword)));
        Assert.True((await ListAsync()).Single(p => p.Id == id).LockedByAdmin);

        Assert.True((await StaffAccounts.AsAdminAsync(app, (d, admin) => d.UnlockAsync(admin, id))).Succeeded);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(StaffSignIn.NewClient(app), email, StaffAccounts.OwnPassword)).StatusCode);
    }

    [Fact]
    public async Task The_list_shows_role_two_factor_state_and_last_sign_in()
    {
        var (email, _) = await StaffAccounts.NewSignedInAsync(app, StaffRole.Supervisor);
        var (pendingEmail, _) = await StaffAccounts.AddAsync(app, StaffRole.Agent);

        var staff = await ListAsync();

        var signedIn = staff.Single(p => p.Email == email);
        Assert.Equal(StaffRole.Supervisor, signedIn.Role);
        Assert.False(signedIn.TwoFactorEnabled);
        Assert.False(signedIn.MustChangePassword);
        Assert.Equal(app.Clock.GetUtcNow(), signedIn.LastSignInAt);
        var pending = staff.Single(p => p.Email == pendingEmail);
        Assert.True(pending.MustChangePassword);
        Assert.Null(pending.LastSignInAt);
    }

    [Fact]
    public async Task A_taken_email_and_a_missing_name_are_refused_with_clear_words()
    {
        var taken = await StaffAccounts.AsAdminAsync(app, (d, admin) =>
            d.CreateAsync(admin, new NewStaffMember { DisplayName = "Second Rita", Email = StaffSignIn.Receptionist, Role = StaffRole.Agent }));
        var nameless = await StaffAccounts.AsAdminAsync(app, (d, admin) =>
            d.CreateAsync(admin, new NewStaffMember { DisplayName = " ", Email = "nameless@clinic.test", Role = StaffRole.Agent }));

        Assert.Contains($"Someone already signs in with {StaffSignIn.Receptionist}", Assert.Single(taken.Errors));
        Assert.Contains("Enter the person's name", Assert.Single(nameless.Errors));
    }

    private async Task<IReadOnlyList<StaffMemberSummary>> ListAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffDirectory>().ListAsync();
    }
}
