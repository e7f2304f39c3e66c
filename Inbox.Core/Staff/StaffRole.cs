namespace Inbox.Core.Staff;

/// <summary>What a staff member (or an API key acting for one) may do. Ordered from least to most trusted.</summary>
public enum StaffRole
{
    Receptionist,
    Agent,
    Supervisor,
    Admin,
}
