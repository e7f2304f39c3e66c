using System.Security.Claims;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Auth;

/// <summary>What the app reads about the signed-in person: their id, the name patients' threads show, the author of a reply.</summary>
internal static class StaffClaims
{
    public const string DisplayName = "inbox:display-name";
    /// <summary>The address the person signed in from: audit entries made over the circuit carry it.</summary>
    public const string SignInIp = "inbox:ip";
    /// <summary>Signed in with a temporary password: may only choose a new one (<see cref="AccountGates"/>).</summary>
    public const string MustChangePassword = "inbox:must-change-password";
    /// <summary>An admin without two-factor while it is required: may only set it up (<see cref="AccountGates"/>).</summary>
    public const string MustEnrolTwoFactor = "inbox:must-enrol-2fa";

    public static string? IdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string NameOf(ClaimsPrincipal user) => user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "Staff";

    public static AuditActor ActorOf(ClaimsPrincipal user) => new("staff", IdOf(user) ?? "unknown", NameOf(user));

    public static string? IpOf(ClaimsPrincipal user) => user.FindFirstValue(SignInIp);

    /// <summary>The person making a change, for services that audit it.</summary>
    public static ActingStaff ActingOf(ClaimsPrincipal user) =>
        IdOf(user) is { } id ? new ActingStaff(id, NameOf(user), IpOf(user)) : throw new InvalidOperationException("Only a signed-in person can change accounts.");

    /// <summary>Replies are written by a person, never by a shared account.</summary>
    public static MessageAuthor AuthorOf(ClaimsPrincipal user) =>
        IdOf(user) is { } id ? MessageAuthor.Agent(id, NameOf(user)) : throw new InvalidOperationException("Only a signed-in person can reply.");
}

/// <summary>
/// Adds the display name to the sign-in cookie so pages need no database read to show who is signed in,
/// and marks a sign-in that must first change its password or set up two-factor (see <see cref="AccountGates"/>).
/// </summary>
internal sealed class StaffClaimsPrincipalFactory(
    UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IOptionsMonitor<SecurityOptions> security)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        if (security.CurrentValue.RequireTwoFactorForAdmins && !user.TwoFactorEnabled && identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, nameof(Inbox.Core.Staff.StaffRole.Admin)))
            identity.AddClaim(new Claim(StaffClaims.MustEnrolTwoFactor, "true"));
        return identity;
    }
}
