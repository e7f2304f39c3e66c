using Inbox.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// Name keys are computed in C# (Unicode folding), so a migration cannot fill them for contacts that existed
/// before: this fills them at start-up, in batches, and costs one indexed query when there is nothing to do.
/// </summary>
public static class ContactKeyBackfill
{
    private const int BatchSize = 2_000;

    public static async Task RunAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var filled = 0;
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            var batch = await db.Contacts.Where(c => c.NameKey == "" && c.Name != Contact.UnknownName).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var contact in batch) contact.Rename(contact.Name);
            await db.SaveChangesAsync(ct);
            filled += batch.Count;
            // Names that fold to nothing (only symbols) would come back forever.
            if (batch.All(c => c.NameKey == "")) break;
        }
        if (filled > 0)
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContactKeyBackfill)).LogInformation("Name keys filled for {Count} contacts", filled);
    }
}
