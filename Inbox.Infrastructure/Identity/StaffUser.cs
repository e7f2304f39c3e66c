using Microsoft.AspNetCore.Identity;

namespace Inbox.Infrastructure.Identity;

/// <summary>A person who signs in to Inbox: receptionist, agent, supervisor or admin. One unique id per person.</summary>
public sealed class StaffUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when an admin hands out a temporary password: the next sign-in leads to choosing a new one, and nowhere else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When an admin turned the account off (the person left). A disabled person cannot sign in; the record stays for the audit trail.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}
