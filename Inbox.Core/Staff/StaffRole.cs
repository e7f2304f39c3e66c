namespace Inbox.Core.Staff;

/// <summary>The built-in roles. Each is a set of permissions (<see cref="RolePermissions"/>), so custom roles can come later.</summary>
public enum StaffRole
{
    Receptionist,
    Agent,
    Supervisor,
    Admin,
}
