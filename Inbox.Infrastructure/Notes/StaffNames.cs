using Inbox.Core.Notes;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Notes;

/// <summary>Enabled staff by display name: whom a note can mention.</summary>
internal sealed class StaffNames(InboxDbContext db) : IStaffNames
{
    public async Task<IReadOnlyList<StaffMember>> ActiveAsync(CancellationToken ct) =>
        await db.Users.AsNoTracking().Where(u => u.DisabledAt == null).OrderBy(u => u.DisplayName)
            .Select(u => new StaffMember(u.Id, u.DisplayName)).ToListAsync(ct);
}
