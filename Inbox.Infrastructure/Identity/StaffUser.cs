using Microsoft.AspNetCore.Identity;

namespace Inbox.Infrastructure.Identity;

/// <summary>A person who signs in to Inbox: receptionist, agent, supervisor or admin. One unique id per person.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
