using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Identity;

/// <summary>
/// The admin's side of staff accounts: list, add, change role, reset password, lock, disable, turn off
/// two-factor. Every change is audited with who did it, and any change that alters what a person may do
/// (role, lock, disable, reset) ends their live sessions so it applies at once, not at their next sign-in.
/// </summary>
public sealed class StaffDirectory(
    UserManager<StaffUser> users,
    InboxDbContext db,
    StaffSessions sessions,
    IAuditTrail audit,
    IValidator<NewStaffMember> newMemberValidator,
    TimeProvider clock,
    ILogger<StaffDirectory> log)
{
    // Checks like "is this the last admin?" and the change they guard must not interleave with another
    // admin's change, or two admins demoting each other could leave the clinic with none.
    private static readonly SemaphoreSlim ChangeTurn = new(1, 1);

    private static readonly string AdminRole = StaffRole.Admin.ToString();

    public async Task<IReadOnlyList<StaffMemberSummary>> ListAsync(CancellationToken ct = default)
    {
        var people = await db.Users.AsNoTracking().ToListAsync(ct);
        var roles = await (from link in db.UserRoles
                           join role in db.Roles on link.RoleId equals role.Id
                           select new { link.UserId, role.Name }).ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => r.Name).ToList());
        var lastSignIns = await db.StaffSessions.GroupBy(s => s.UserId)
            .Select(g => new { UserId = g.Key, Last = g.Max(s => s.StartedAt) })
            .ToDictionaryAsync(x => x.UserId, x => x.Last, ct);
        var now = clock.GetUtcNow();

        return people
            .Select(u => new StaffMemberSummary(
                u.Id, u.DisplayName, u.Email ?? u.UserName ?? "",
                RoleOf(roleOf.GetValueOrDefault(u.Id)),
                u.TwoFactorEnabled,
                u.DisabledAt is not null ? StaffAccountState.Disabled : u.LockoutEnd > now ? StaffAccountState.Locked : StaffAccountState.Active,
                u.LockoutEnd > now ? u.LockoutEnd : null,
                u.MustChangePassword,
                lastSignIns.TryGetValue(u.Id, out var last) ? last : null,
                u.CreatedAt))
            .OrderBy(s => s.DisplayName, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    public async Task<StaffChangeResult> CreateAsync(ActingStaff actor, NewStaffMember draft, CancellationToken ct = default)
    {
        var validation = await newMemberValidator.ValidateAsync(draft, ct);
        if (!validation.IsValid) return StaffChangeResult.Fail(validation.Errors.Select(e => e.ErrorMessage));
        if (await RefuseUnlessAdminAsync(actor) is { } refused) return refused;

        var email = draft.Email.Trim();
        var person = new StaffUser
        {
            UserName = email, Email = email, EmailConfirmed = true,
            DisplayName = draft.DisplayName.Trim(), CreatedAt = clock.GetUtcNow(), MustChangePassword = true,
        };
        var password = TemporaryPassword.Generate();
        var created = await users.CreateAsync(person, password);
        if (!created.Succeeded) return StaffChangeResult.Fail(Describe(created, email));
        await users.AddToRoleAsync(person, draft.Role.ToString());

        await RecordAsync(actor, "staff.create", person.Id, ct);
        log.LogInformation("Staff {UserId} added as {Role} by {ActorId}", person.Id, draft.Role, actor.UserId);
        return StaffChangeResult.Ok(person.Id, password);
    }

    public Task<StaffChangeResult> ChangeRoleAsync(ActingStaff actor, string userId, StaffRole role, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            var current = await users.GetRolesAsync(person);
            if (current.Count == 1 && current[0] == role.ToString()) return StaffChangeResult.Ok(person.Id);
            if (role != StaffRole.Admin && await IsLastActiveAdminAsync(person))
                return StaffChangeResult.Fail($"{person.DisplayName} is the only active admin. Make someone else an admin first, so the clinic is never left without one.");

            await users.RemoveFromRolesAsync(person, current);
            await users.AddToRoleAsync(person, role.ToString());
            await sessions.EndAllAsync(person.Id, ct: ct);
            await RecordAsync(actor, "staff.role.change", person.Id, ct);
            log.LogInformation("Role of staff {UserId} changed from {From} to {To} by {ActorId}", person.Id, string.Join(",", current), role, actor.UserId);
            return StaffChangeResult.Ok(person.Id);
        });

    public Task<StaffChangeResult> ResetPasswordAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            if (person.Id == actor.UserId)
                return StaffChangeResult.Fail("To change your own password, use Change password in your account menu.");

            var password = TemporaryPassword.Generate();
            var token = await users.GeneratePasswordResetTokenAsync(person);
            var reset = await users.ResetPasswordAsync(person, token, password);
            if (!reset.Succeeded) return StaffChangeResult.Fail(Describe(reset, person.Email ?? ""));

            person.MustChangePassword = true;
            await users.UpdateAsync(person);
            // A reset usually follows a lockout from wrong passwords: clear that, but never an admin's lock.
            if (person.LockoutEnd is not { } end || !StaffLockout.IsAdminLock(end))
            {
                await users.SetLockoutEndDateAsync(person, null);
                await users.ResetAccessFailedCountAsync(person);
            }
            await sessions.EndAllAsync(person.Id, ct: ct);
            await RecordAsync(actor, "staff.password.reset", person.Id, ct);
            return StaffChangeResult.Ok(person.Id, password);
        });

    public Task<StaffChangeResult> LockAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            if (person.Id == actor.UserId) return StaffChangeResult.Fail("You can't lock your own account. Ask another admin if it needs locking.");
            if (await IsLastActiveAdminAsync(person))
                return StaffChangeResult.Fail($"{person.DisplayName} is the only active admin. Make someone else an admin first.");

            // Refused for an account created without lockout enabled: say so rather than claim a lock that is not there.
            var locked = await users.SetLockoutEndDateAsync(person, StaffLockout.UntilUnlocked);
            if (!locked.Succeeded) return StaffChangeResult.Fail(locked.Errors.Select(e => e.Description));
            await users.UpdateSecurityStampAsync(person);
            await sessions.EndAllAsync(person.Id, ct: ct);
            await RecordAsync(actor, "staff.lock", person.Id, ct);
            return StaffChangeResult.Ok(person.Id);
        });

    public Task<StaffChangeResult> UnlockAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            await users.SetLockoutEndDateAsync(person, null);
            await users.ResetAccessFailedCountAsync(person);
            await RecordAsync(actor, "staff.unlock", person.Id, ct);
            return StaffChangeResult.Ok(person.Id);
        });

    public Task<StaffChangeResult> DisableAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            if (person.Id == actor.UserId) return StaffChangeResult.Fail("You can't turn off your own account. Ask another admin.");
            if (person.DisabledAt is not null) return StaffChangeResult.Ok(person.Id);
            if (await IsLastActiveAdminAsync(person))
                return StaffChangeResult.Fail($"{person.DisplayName} is the only active admin. Make someone else an admin first.");

            person.DisabledAt = clock.GetUtcNow();
            await users.UpdateAsync(person);
            await users.UpdateSecurityStampAsync(person);
            var ended = await sessions.EndAllAsync(person.Id, ct: ct);
            await RecordAsync(actor, "staff.disable", person.Id, ct);
            log.LogInformation("Staff {UserId} disabled by {ActorId}; {Sessions} live session(s) ended", person.Id, actor.UserId, ended);
            return StaffChangeResult.Ok(person.Id);
        });

    public Task<StaffChangeResult> EnableAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            if (person.DisabledAt is null) return StaffChangeResult.Ok(person.Id);
            person.DisabledAt = null;
            await users.UpdateAsync(person);
            await RecordAsync(actor, "staff.enable", person.Id, ct);
            return StaffChangeResult.Ok(person.Id);
        });

    /// <summary>For someone who lost their phone: they sign in with the password alone and set two-factor up again.</summary>
    public Task<StaffChangeResult> TurnOffTwoFactorAsync(ActingStaff actor, string userId, CancellationToken ct = default) =>
        GuardedChangeAsync(actor, userId, async person =>
        {
            if (!person.TwoFactorEnabled) return StaffChangeResult.Ok(person.Id);
            await users.SetTwoFactorEnabledAsync(person, false);
            await users.ResetAuthenticatorKeyAsync(person);
            await RecordAsync(actor, "staff.2fa.disabled", person.Id, ct);
            return StaffChangeResult.Ok(person.Id);
        });

    private async Task<StaffChangeResult> GuardedChangeAsync(ActingStaff actor, string userId, Func<StaffUser, Task<StaffChangeResult>> change)
    {
        await ChangeTurn.WaitAsync();
        try
        {
            if (await RefuseUnlessAdminAsync(actor) is { } refused) return refused;
            var person = await users.FindByIdAsync(userId);
            if (person is null) return StaffChangeResult.Fail("That person is no longer in the staff list. Reload the page.");
            return await change(person);
        }
        finally { ChangeTurn.Release(); }
    }

    /// <summary>
    /// The page already requires the Administer policy; this re-checks the database, because a circuit
    /// opened before a demotion keeps its old claims until the session check catches up.
    /// </summary>
    private async Task<StaffChangeResult?> RefuseUnlessAdminAsync(ActingStaff actor)
    {
        var acting = await users.FindByIdAsync(actor.UserId);
        return acting is not null && acting.DisabledAt is null && await users.IsInRoleAsync(acting, AdminRole)
            ? null
            : StaffChangeResult.Fail("Only an admin can change staff accounts.");
    }

    /// <summary>Would the clinic be left without an admin who can sign in if this person stopped being one?</summary>
    private async Task<bool> IsLastActiveAdminAsync(StaffUser person)
    {
        if (!await users.IsInRoleAsync(person, AdminRole)) return false;
        var admins = await users.GetUsersInRoleAsync(AdminRole);
        return !admins.Any(a => a.Id != person.Id && a.DisabledAt is null && !(a.LockoutEnd is { } end && StaffLockout.IsAdminLock(end)));
    }

    private static IEnumerable<string> Describe(IdentityResult result, string email) => result.Errors.Select(e => e.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            $"Someone already signs in with {email}. Use another email, or find that person in the list.",
        _ => e.Description,
    }).Distinct();

    private static StaffRole? RoleOf(IEnumerable<string?>? names) =>
        names?.Select(n => Enum.TryParse<StaffRole>(n, out var r) ? r : (StaffRole?)null).FirstOrDefault(r => r is not null);

    private Task RecordAsync(ActingStaff actor, string action, string subjectUserId, CancellationToken ct) =>
        audit.RecordAsync([actor.Entry(clock.GetUtcNow(), action, subjectUserId)], ct);
}
