namespace Inbox.Core.Audit;

/// <summary>Who acted: a staff member, an API key or the system.</summary>
/// <param name="Kind">"staff", "apiKey" or "system".</param>
public sealed record AuditActor(string Kind, string Id, string? Name);

/// <summary>One access to patient data. Ids only: never names, phone numbers or message text.</summary>
/// <param name="Action">What happened, e.g. "conversation.read".</param>
/// <param name="SubjectType">The kind of record touched, e.g. "conversation".</param>
/// <param name="Detail">What was decided, without patient data (e.g. a merge's field choices: field names and sides only).</param>
public sealed record AuditEntry(DateTimeOffset At, AuditActor Actor, string Action, string SubjectType, string SubjectId, string? Ip, string? Detail = null);
