using Inbox.Core.Audit;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>Records, through the audit seam, which patient records an API caller saw or changed.</summary>
internal static class ApiAudit
{
    public static Task RecordAsync(this IAuditTrail trail, HttpContext http, string action, string subjectType, IEnumerable<Guid> subjectIds, string? detail = null)
    {
        var at = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var actor = http.User.ToAuditActor();
        var ip = http.Connection.RemoteIpAddress?.ToString();
        var entries = subjectIds.Select(id => new AuditEntry(at, actor, action, subjectType, id.ToString(), ip, detail)).ToList();
        return entries.Count == 0 ? Task.CompletedTask : trail.RecordAsync(entries, http.RequestAborted);
    }

    public static Task RecordAsync(this IAuditTrail trail, HttpContext http, string action, string subjectType, Guid subjectId) =>
        trail.RecordAsync(http, action, subjectType, [subjectId]);
}
