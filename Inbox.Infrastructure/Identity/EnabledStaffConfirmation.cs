using Microsoft.AspNetCore.Identity;

namespace Inbox.Infrastructure.Identity;

/// <summary>Identity asks this before every sign-in (password and two-factor): a disabled account may not.</summary>
public sealed class EnabledStaffConfirmation : IUserConfirmation<StaffUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(user.DisabledAt is null);
}
