namespace Inbox.Core.Audit;

/// <summary>
/// The one seam every read or change of patient data goes through, from the UI and the API alike,
/// so that who saw which record can be answered later.
/// </summary>
public interface IAuditTrail
{
    Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken ct);
}
