using Inbox.Core.Consent;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The consent ledger read the one way every caller needs it: the newest line is the patient's answer.</summary>
internal static class ConsentQueries
{
    /// <summary>The patient's current answer (<see cref="ConsentState.Unknown"/> before any).</summary>
    public static async Task<ConsentState> CurrentConsentAsync(this InboxDbContext db, Guid contactId, CancellationToken ct) =>
        await db.ConsentRecords.AsNoTracking().Where(c => c.ContactId == contactId)
            .OrderByDescending(c => c.At).Select(c => (ConsentState?)c.State).FirstOrDefaultAsync(ct) ?? ConsentState.Unknown;
}
