using Inbox.Core.Audit;

namespace Inbox.Infrastructure.Identity;

/// <summary>The signed-in person making a change, as the audit trail records them.</summary>
public sealed record ActingStaff(string UserId, string Name, string? Ip)
{
    public AuditActor ToAuditActor() => new("staff", UserId, Name);

    public AuditEntry Entry(DateTimeOffset at, string action, string subjectUserId) =>
        new(at, ToAuditActor(), action, "staff", subjectUserId, Ip);
}
