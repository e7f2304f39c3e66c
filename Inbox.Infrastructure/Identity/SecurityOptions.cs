namespace Inbox.Infrastructure.Identity;

/// <summary>`Security`: sign-in and session rules.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Signed out after this long without activity (a warning comes a minute before).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Signed out after this long however active: a new day, a new sign-in.</summary>
    public TimeSpan AbsoluteSessionLimit { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed passwords before the account locks, and for how long.</summary>
    public int MaxFailedAccessAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Admins can reach every patient record and every account: one who signs in without two-factor is sent to set it up first.</summary>
    public bool RequireTwoFactorForAdmins { get; set; } = true;
}
