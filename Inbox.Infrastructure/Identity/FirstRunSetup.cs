using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Identity;

/// <summary>
/// A new installation has no staff and so no one who could sign in: the first-run setup page creates the
/// first admin, once. After that the answer never changes back, so it is remembered and costs nothing.
/// </summary>
public sealed class FirstRunSetup(IServiceScopeFactory scopes, TimeProvider clock, ILogger<FirstRunSetup> log)
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private volatile bool _hasStaff;

    /// <summary>True while the database holds no staff account at all.</summary>
    public async Task<bool> IsNeededAsync(CancellationToken ct = default)
    {
        if (_hasStaff) return false;
        await using var scope = scopes.CreateAsyncScope();
        _hasStaff = await scope.ServiceProvider.GetRequiredService<InboxDbContext>().Users.AnyAsync(ct);
        return !_hasStaff;
    }

    /// <param name="ip">Where the request came from: the audit trail's only clue to who set the clinic up.</param>
    public async Task<StaffChangeResult> CreateFirstAdminAsync(FirstAdmin draft, string? ip, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var validation = await scope.ServiceProvider.GetRequiredService<IValidator<FirstAdmin>>().ValidateAsync(draft, ct);
        if (!validation.IsValid) return StaffChangeResult.Fail(validation.Errors.Select(e => e.ErrorMessage));

        // Two browsers submitting at once must not both become "the first" admin.
        await _turn.WaitAsync(ct);
        try
        {
            if (!await IsNeededAsync(ct)) return StaffChangeResult.Fail("This clinic is already set up. Sign in, or ask its admin for an account.");

            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var email = draft.Email.Trim();
            var admin = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = draft.DisplayName.Trim(), CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(admin, draft.Password);
            if (!created.Succeeded) return StaffChangeResult.Fail(created.Errors.Select(e => e.Description));
            await users.AddToRoleAsync(admin, StaffRole.Admin.ToString());
            _hasStaff = true;

            var actor = new ActingStaff(admin.Id, admin.DisplayName, ip);
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync([actor.Entry(clock.GetUtcNow(), "setup.first-admin", admin.Id)], ct);
            log.LogInformation("First-run setup created the first admin {UserId}", admin.Id);
            return StaffChangeResult.Ok(admin.Id);
        }
        finally { _turn.Release(); }
    }
}
