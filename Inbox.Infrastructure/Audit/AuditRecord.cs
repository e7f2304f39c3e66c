using Inbox.Core.Audit;

namespace Inbox.Infrastructure.Audit;

/// <summary>One stored audit entry with its link in the hash chain. Rows are only ever appended.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string ActorKind { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string? ActorName { get; set; }
    public string Action { get; set; } = "";
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    public string? Ip { get; set; }
    public string? Detail { get; set; }
    public string PreviousHash { get; set; } = "";
    public string Hash { get; set; } = "";

    public AuditEntry ToEntry() => new(At, new AuditActor(ActorKind, ActorId, ActorName), Action, SubjectType, SubjectId, Ip, Detail);
}
