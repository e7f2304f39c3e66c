using System.Security.Claims;
using Inbox.Core.Audit;

namespace Inbox.Web.Auth;

/// <summary>Audit entries for what a signed-in person does on the screens and at sign-in.</summary>
internal static class StaffAudit
{
    public static Task RecordAsync(this IAuditTrail trail, TimeProvider clock, ClaimsPrincipal user, string action, string subjectType, string subjectId, string? detail = null) =>
        trail.RecordAsync([new AuditEntry(clock.GetUtcNow(), StaffClaims.ActorOf(user), action, subjectType, subjectId, StaffClaims.IpOf(user), detail)], CancellationToken.None);

    /// <summary>One entry per record a screen showed (nothing when it showed none).</summary>
    public static Task RecordAsync(this IAuditTrail trail, TimeProvider clock, ClaimsPrincipal user, string action, string subjectType, IEnumerable<Guid> subjectIds)
    {
        var at = clock.GetUtcNow();
        var entries = subjectIds.Distinct().Select(id => new AuditEntry(at, StaffClaims.ActorOf(user), action, subjectType, id.ToString(), StaffClaims.IpOf(user))).ToList();
        return entries.Count == 0 ? Task.CompletedTask : trail.RecordAsync(entries, CancellationToken.None);
    }

    /// <summary>Sign-in attempts, including failed ones, where no one is signed in yet.</summary>
    public static Task RecordSignInAsync(this IAuditTrail trail, TimeProvider clock, HttpContext http, string action, string? userId, string email) =>
        trail.RecordAsync([new AuditEntry(clock.GetUtcNow(), new AuditActor("staff", userId ?? "unknown", email), action, AuditSubjects.Staff, userId ?? "unknown",
            http.Connection.RemoteIpAddress?.ToString())], CancellationToken.None);
}
