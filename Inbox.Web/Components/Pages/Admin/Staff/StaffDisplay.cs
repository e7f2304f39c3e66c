using System.Globalization;
using Inbox.Core.Staff;

namespace Inbox.Web.Components.Pages.Admin.Staff;

/// <summary>How the staff page puts roles, permissions and times into words.</summary>
internal static class StaffDisplay
{
    public static string Describe(Permission permission) => permission switch
    {
        Permission.ReadConversations => "read conversations and patient details",
        Permission.ReplyToPatients => "reply to patients",
        Permission.TakeHandovers => "take handovers from the bot",
        Permission.MergeContacts => "merge patient records",
        Permission.ViewReports => "see reports",
        Permission.ViewAudit => "browse the audit log",
        Permission.Administer => "manage staff, channels and settings",
        _ => permission.ToString(),
    };

    /// <summary>"Can read conversations…, reply to patients and merge patient records."</summary>
    public static string RoleSummary(StaffRole role)
    {
        var can = RolePermissions.Of(role).Select(Describe).ToList();
        return "Can " + (can.Count == 1 ? can[0] : string.Join(", ", can[..^1]) + " and " + can[^1]) + ".";
    }

    /// <summary>In the clinic's time zone: "today 14:32", "yesterday 09:05", or "3 Nov 2026 14:32".</summary>
    public static string When(DateTimeOffset at, TimeProvider clock)
    {
        var local = TimeZoneInfo.ConvertTime(at, clock.LocalTimeZone);
        var today = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), clock.LocalTimeZone).Date;
        var time = local.ToString("HH:mm", CultureInfo.CurrentCulture);
        return (today - local.Date).Days switch
        {
            0 => $"today {time}",
            1 => $"yesterday {time}",
            _ => local.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture),
        };
    }
}
