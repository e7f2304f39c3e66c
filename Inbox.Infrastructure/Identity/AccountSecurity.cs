using System.Text;
using System.Text.Encodings.Web;
using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Identity;

/// <summary>What the app shows while a person sets up an authenticator app.</summary>
/// <param name="SharedKey">The key in groups of four, for typing into the app by hand.</param>
/// <param name="AuthenticatorUri">The otpauth:// URI a QR code carries.</param>
/// <param name="KeyCreated">A new key was made just now (it changes the security stamp, so the sign-in cookie must be reissued).</param>
public sealed record AuthenticatorSetup(string SharedKey, string AuthenticatorUri, bool KeyCreated);

/// <summary>Two-factor as the person sees it on their own page.</summary>
public sealed record TwoFactorStatus(bool Enabled, int RecoveryCodesLeft, bool MayTurnOff);

/// <summary>
/// A person's own sign-in security: their password and their authenticator app (TOTP, Identity's
/// authenticator token provider) with one-time recovery codes. Each change is audited.
/// </summary>
public sealed class AccountSecurity(
    UserManager<StaffUser> users,
    StaffSessions sessions,
    IAuditTrail audit,
    IValidator<PasswordChange> passwordValidator,
    IOptionsMonitor<SecurityOptions> options,
    TimeProvider clock)
{
    public const string Issuer = "Inbox";
    public const int RecoveryCodeCount = 10;

    public async Task<StaffChangeResult> ChangePasswordAsync(ActingStaff actor, StaffUser user, PasswordChange change, Guid? currentSession, CancellationToken ct = default)
    {
        var validation = await passwordValidator.ValidateAsync(change, ct);
        if (!validation.IsValid) return StaffChangeResult.Fail(validation.Errors.Select(e => e.ErrorMessage));

        var changed = await users.ChangePasswordAsync(user, change.CurrentPassword, change.NewPassword);
        if (!changed.Succeeded)
            return StaffChangeResult.Fail(changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)
                ? "The current password is wrong." : e.Description));

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // Whoever knew the old password is signed out everywhere else.
        await sessions.EndAllAsync(user.Id, keep: currentSession, ct);
        await RecordAsync(actor, "staff.password.change", user.Id, ct);
        return StaffChangeResult.Ok(user.Id);
    }

    public async Task<TwoFactorStatus> StatusAsync(StaffUser user) => new(
        user.TwoFactorEnabled,
        user.TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0,
        !await MustKeepTwoFactorAsync(user));

    /// <summary>The key to enter in the app; made on first use and kept until two-factor is turned on or off.</summary>
    public async Task<AuthenticatorSetup> AuthenticatorSetupAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        var created = string.IsNullOrEmpty(key);
        if (created)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var label = UrlEncoder.Default.Encode($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6&period=30";
        return new AuthenticatorSetup(FormatKey(key!), uri, created);
    }

    /// <summary>Turns two-factor on when the code from the app matches; returns the recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>?> EnableTwoFactorAsync(ActingStaff actor, StaffUser user, string code, CancellationToken ct = default)
    {
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, NormalizeCode(code));
        if (!valid) return null;
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(actor, "staff.2fa.enabled", user.Id, ct);
        return codes;
    }

    public async Task<StaffChangeResult> DisableTwoFactorAsync(ActingStaff actor, StaffUser user, CancellationToken ct = default)
    {
        if (await MustKeepTwoFactorAsync(user)) return StaffChangeResult.Fail("Admins must keep two-factor sign-in on. To move it to a new phone, ask another admin to turn it off for you, then set it up again.");
        if (!user.TwoFactorEnabled) return StaffChangeResult.Ok(user.Id);
        await users.SetTwoFactorEnabledAsync(user, false);
        // A fresh key next time: the old one may be on a lost phone.
        await users.ResetAuthenticatorKeyAsync(user);
        await RecordAsync(actor, "staff.2fa.disabled", user.Id, ct);
        return StaffChangeResult.Ok(user.Id);
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ActingStaff actor, StaffUser user, CancellationToken ct = default)
    {
        if (!user.TwoFactorEnabled) return [];
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await RecordAsync(actor, "staff.2fa.recovery-codes", user.Id, ct);
        return codes;
    }

    /// <summary>Codes are typed as "123 456" or pasted with spaces; recovery codes keep their dash and are upper case.</summary>
    public static string NormalizeCode(string? code) => new((code ?? "").Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    private async Task<bool> MustKeepTwoFactorAsync(StaffUser user) =>
        options.CurrentValue.RequireTwoFactorForAdmins && await users.IsInRoleAsync(user, StaffRole.Admin.ToString());

    private static string FormatKey(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) text.Append(' ');
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    private Task RecordAsync(ActingStaff actor, string action, string subjectUserId, CancellationToken ct) =>
        audit.RecordAsync([actor.Entry(clock.GetUtcNow(), action, subjectUserId)], ct);
}
