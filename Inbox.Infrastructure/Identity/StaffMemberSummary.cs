using Inbox.Core.Staff;

namespace Inbox.Infrastructure.Identity;

public enum StaffAccountState
{
    Active,
    /// <summary>Too many wrong passwords (until <see cref="StaffMemberSummary.LockedUntil"/>), or locked by an admin until unlocked.</summary>
    Locked,
    /// <summary>Turned off by an admin: cannot sign in until turned back on.</summary>
    Disabled,
}

/// <summary>One row of the admin's staff list.</summary>
public sealed record StaffMemberSummary(
    string Id,
    string DisplayName,
    string Email,
    StaffRole? Role,
    bool TwoFactorEnabled,
    StaffAccountState State,
    DateTimeOffset? LockedUntil,
    bool MustChangePassword,
    DateTimeOffset? LastSignInAt,
    DateTimeOffset CreatedAt)
{
    /// <summary>Locked by an admin, not by wrong passwords: it stays locked until an admin unlocks it.</summary>
    public bool LockedByAdmin => LockedUntil is { } until && StaffLockout.IsAdminLock(until);
}

/// <summary>
/// An admin's lock is Identity's lockout with an end date no one will reach. Far-future but whole
/// milliseconds, so it survives the SQLite converter's round trip unchanged.
/// </summary>
public static class StaffLockout
{
    public static readonly DateTimeOffset UntilUnlocked = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static bool IsAdminLock(DateTimeOffset lockoutEnd) => lockoutEnd >= UntilUnlocked;
}
