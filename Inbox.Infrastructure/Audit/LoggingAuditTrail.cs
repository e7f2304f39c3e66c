using Inbox.Core.Audit;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Audit;

/// <summary>
/// Stand-in until the audit log is stored (hash-chained, queryable at /api/v1/audit): writes each entry
/// to the log. Entries hold ids only, so nothing about the patient reaches the log.
/// </summary>
internal sealed partial class LoggingAuditTrail(ILogger<LoggingAuditTrail> logger) : IAuditTrail
{
    public Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
    {
        foreach (var e in entries) Log(e.Actor.Kind, e.Actor.Id, e.Action, e.SubjectType, e.SubjectId, e.Ip);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {ActorKind} {ActorId} {Action} {SubjectType} {SubjectId} from {Ip}")]
    private partial void Log(string actorKind, string actorId, string action, string subjectType, string subjectId, string? ip);
}
