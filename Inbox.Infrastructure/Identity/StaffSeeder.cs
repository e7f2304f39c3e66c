using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Teams;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure.Identity;

/// <summary>Creates the built-in roles, and in Development one demo user per role.</summary>
public static class StaffSeeder
{
    public sealed record DemoUser(string Email, string DisplayName, StaffRole Role);

    public static readonly DemoUser[] DemoUsers =
    [
        new("reception@demo.clinic", "Rita Reception", StaffRole.Receptionist),
        new("agent@demo.clinic", "Nurse Lee", StaffRole.Agent),
        new("supervisor@demo.clinic", "Sam Supervisor", StaffRole.Supervisor),
        new("admin@demo.clinic", "Ada Admin", StaffRole.Admin),
    ];

    public static async Task SeedRolesAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Enum.GetNames<StaffRole>())
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    /// <summary>Demo users with a shared, clearly fake password; only ever called in Development.</summary>
    public static async Task SeedDemoUsersAsync(IServiceProvider services, string password)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        foreach (var demo in DemoUsers)
        {
            if (await users.FindByEmailAsync(demo.Email) is not null) continue;
            var user = new StaffUser { UserName = demo.Email, Email = demo.Email, EmailConfirmed = true, DisplayName = demo.DisplayName, CreatedAt = clock.GetUtcNow() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) throw new InvalidOperationException("Demo user not created: " + string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, demo.Role.ToString());
        }
        // Every demo person works the front desk, so each sees the demo conversations.
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var (_, team) = await DefaultWorkspace.EnsureAsync(db, clock.GetUtcNow(), CancellationToken.None);
        foreach (var demo in DemoUsers)
            if (await users.FindByEmailAsync(demo.Email) is { } person) team.AddMember(person.Id);
        await db.SaveChangesAsync();
    }
}
