namespace Inbox.Core.Staff;

/// <summary>The permission sets of the built-in roles: the one place that says who may do what.</summary>
public static class RolePermissions
{
    private static readonly Dictionary<StaffRole, Permission[]> Sets = new()
    {
        [StaffRole.Receptionist] = [Permission.ReadConversations, Permission.ReplyToPatients, Permission.MergeContacts],
        [StaffRole.Agent] = [Permission.ReadConversations, Permission.ReplyToPatients, Permission.TakeHandovers],
        [StaffRole.Supervisor] = [Permission.ReadConversations, Permission.ReplyToPatients, Permission.TakeHandovers, Permission.MergeContacts, Permission.ViewReports, Permission.ViewAudit],
        [StaffRole.Admin] = Enum.GetValues<Permission>(),
    };

    public static IReadOnlyCollection<Permission> Of(StaffRole role) => Sets[role];

    public static bool Allows(StaffRole role, Permission permission) => Sets[role].Contains(permission);

    /// <summary>The roles that hold <paramref name="permission"/>.</summary>
    public static IEnumerable<StaffRole> RolesWith(Permission permission) => Sets.Where(s => s.Value.Contains(permission)).Select(s => s.Key);
}
