using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Infrastructure.Identity;

/// <summary>
/// Identity's authenticator check with two changes: it reads the app's <see cref="TimeProvider"/> (so tests
/// can set the clock), and a code is accepted once only (RFC 6238 §5.2): a code seen over someone's
/// shoulder or replayed from a captured request is refused. One step of drift either way is allowed.
/// </summary>
public sealed class TimedAuthenticatorTokenProvider(TimeProvider clock) : AuthenticatorTokenProvider<StaffUser>
{
    private const string Store = "Inbox";
    private const string LastStepToken = "AuthenticatorLastStep";

    public override async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
            return false;

        var keyBytes = Totp.DecodeKey(key);
        var now = Totp.StepAt(clock.GetUtcNow());
        var lastUsed = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStepToken), out var last) ? last : long.MinValue;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= lastUsed || Totp.Code(keyBytes, step) != code) continue;
            await manager.SetAuthenticationTokenAsync(user, Store, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }
}
