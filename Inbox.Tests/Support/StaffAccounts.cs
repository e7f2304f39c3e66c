using System.Net;
using System.Text.RegularExpressions;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Support;

/// <summary>The app on a clock the test moves by hand (two-factor codes, session limits).</summary>
public class ClockedInboxApp : InboxWebApplicationFactory
{
    // Starts at the real time (cookies and Identity's lockout read the system clock), in whole seconds so stored times compare equal.
    public ClockedInboxApp(IDictionary<string, string?>? settings = null)
        : this(new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds())), settings) { }

    private ClockedInboxApp(FakeTimeProvider clock, IDictionary<string, string?>? settings) : base(settings, s =>
    {
        s.RemoveAll<TimeProvider>();
        s.AddSingleton<TimeProvider>(clock);
    }) => Clock = clock;

    public FakeTimeProvider Clock { get; }
}

/// <summary>Staff accounts for tests: the admin's side through the real <see cref="StaffDirectory"/>, the person's through HTTP.</summary>
public static partial class StaffAccounts
{
    public const string OwnPassword = "My-Own-Password-2026";

    public static async Task<ActingStaff> ActorAsync(InboxWebApplicationFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email)
                   ?? throw new InvalidOperationException($"No staff account {email}.");
        return new ActingStaff(user.Id, user.DisplayName, "127.0.0.1");
    }

    public static async Task<string> IdOfAsync(InboxWebApplicationFactory app, string email) => (await ActorAsync(app, email)).UserId;

    /// <summary>Runs one <see cref="StaffDirectory"/> call as the demo admin (or <paramref name="asEmail"/>).</summary>
    public static async Task<StaffChangeResult> AsAdminAsync(InboxWebApplicationFactory app, Func<StaffDirectory, ActingStaff, Task<StaffChangeResult>> change, string asEmail = StaffSignIn.Admin)
    {
        var actor = await ActorAsync(app, asEmail);
        await using var scope = app.Services.CreateAsyncScope();
        return await change(scope.ServiceProvider.GetRequiredService<StaffDirectory>(), actor);
    }

    /// <summary>An admin adds a person; returns their email and temporary password.</summary>
    public static async Task<(string Email, string TemporaryPassword)> AddAsync(InboxWebApplicationFactory app, StaffRole role, string? name = null)
    {
        var email = $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24] + "@clinic.test";
        var result = await AsAdminAsync(app, (d, admin) => d.CreateAsync(admin, new NewStaffMember { DisplayName = name ?? $"Test {role}", Email = email, Role = role }));
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return (email, result.TemporaryPassword!);
    }

    /// <summary>Signs in with the temporary password and chooses <see cref="OwnPassword"/>, as a new person does.</summary>
    public static async Task<HttpClient> SignInAndChooseOwnPasswordAsync(InboxWebApplicationFactory app, string email, string temporaryPassword)
    {
        var client = StaffSignIn.NewClient(app);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffSignIn.PostLoginAsync(client, email, temporaryPassword)).StatusCode);
        var changed = await ChangePasswordAsync(client, temporaryPassword, OwnPassword);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        return client;
    }

    /// <summary>A new person of <paramref name="role"/>, signed in with their own password.</summary>
    public static async Task<(string Email, HttpClient Client)> NewSignedInAsync(InboxWebApplicationFactory app, StaffRole role)
    {
        var (email, temporary) = await AddAsync(app, role);
        return (email, await SignInAndChooseOwnPasswordAsync(app, email, temporary));
    }

    public static Task<HttpResponseMessage> ChangePasswordAsync(HttpClient client, string current, string next, string? confirm = null) =>
        StaffSignIn.PostFormAsync(client, "/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current,
            ["Input.NewPassword"] = next,
            ["Input.ConfirmPassword"] = confirm ?? next,
        });

    /// <summary>Sets up two-factor through the page, with a code computed from the key it shows; returns the key and the recovery codes.</summary>
    public static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolTwoFactorAsync(HttpClient client, FakeTimeProvider clock)
    {
        var key = SharedKeyOn(await client.GetStringAsync("/account/two-factor"));
        var enabled = await StaffSignIn.PostFormAsync(client, "/account/two-factor", "enable",
            new Dictionary<string, string> { ["Enable.Code"] = TotpCodes.At(key, clock.GetUtcNow()) });
        var page = await enabled.Content.ReadAsStringAsync();
        var codes = RecoveryCodePattern().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.True(codes.Count == AccountSecurity.RecoveryCodeCount, "recovery codes shown after enabling: " + codes.Count);
        // The enrolment code's 30-second step is used up; a sign-in needs the next one.
        clock.Advance(TimeSpan.FromSeconds(30));
        return (key, codes);
    }

    public static string SharedKeyOn(string html) => SharedKeyPattern().Match(html).Groups[1].Value.Replace(" ", "");

    public static async Task<List<string>> AuditActionsAsync(InboxWebApplicationFactory app, string subjectUserId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditLog.Where(a => a.SubjectType == "staff" && a.SubjectId == subjectUserId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("data-testid=\"two-factor-key\">([^<]+)<")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li><code>([A-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
