using Inbox.Core.Conversations;

namespace Inbox.Core.Audit;

/// <summary>
/// Browsing the audit log: the one query behind both the audit screen and `GET /api/v1/audit`.
/// Newest first, keyset-paged, each filter backed by an index (AuditRecordConfiguration).
/// </summary>
public interface IAuditLog
{
    /// <exception cref="FormatException">The cursor is not one this query returned.</exception>
    Task<Page<AuditLogEntry>> ListAsync(AuditFilter filter, int limit, string? cursor, CancellationToken ct);

    /// <summary>Everyone who can appear as an actor (staff and API keys), for the screen's filter.</summary>
    Task<IReadOnlyList<AuditActorChoice>> ActorsAsync(CancellationToken ct);
}

/// <summary>Which entries to show. <see cref="From"/> is inclusive, <see cref="To"/> exclusive; empty means any.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ActorId = null,
    string? Action = null,
    string? SubjectType = null,
    string? SubjectId = null);

/// <summary>A stored entry with its position in the log.</summary>
public sealed record AuditLogEntry(long Id, DateTimeOffset At, AuditActor Actor, string Action, string SubjectType, string SubjectId, string? Ip, string? Detail = null);

/// <summary>Someone to filter by: <see cref="Id"/> is the actor id entries carry.</summary>
/// <param name="Kind">"staff" or "apiKey", as in <see cref="AuditActor.Kind"/>.</param>
public sealed record AuditActorChoice(string Id, string Name, string Kind);
