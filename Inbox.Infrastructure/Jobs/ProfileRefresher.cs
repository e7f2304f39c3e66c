using Inbox.Core.Channels;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Jobs;

/// <summary>
/// Messenger and LINE send no name with a message: this job asks each platform's profile API once per new
/// identity, off the webhook path, and names the contact when it had none. A lookup that fails (permission not
/// granted, user gone) is not retried, so a patient is never looked up again and again.
/// </summary>
internal sealed class ProfileRefresher(
    IServiceScopeFactory scopes,
    IChannelAdapters adapters,
    IInboxNotifier notifier,
    TimeProvider clock,
    ILogger<ProfileRefresher> logger) : QueueDrainer(logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(5);

    protected override string Work => "Profile lookups";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => RefreshDueAsync(ct);

    // Its own plain wait: sharing the inbound processor's wake-up signal would steal its pulses.
    protected override Task RestAsync(CancellationToken ct) => Task.Delay(IdlePoll, clock, ct);

    public async Task<int> RefreshDueAsync(CancellationToken ct)
    {
        var channels = adapters.All.Where(a => a.Capabilities.HasProfileApi).Select(a => a.Channel).ToList();
        var looked = 0;
        foreach (var channel in channels)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            // Seeks the (Channel, ProfileCheckedAt) index.
            var due = await db.ChannelIdentities.Where(i => i.Channel == channel && i.ProfileCheckedAt == null).OrderBy(i => i.Id).Take(BatchSize).ToListAsync(ct);
            if (due.Count == 0) continue;
            var contactIds = due.Select(i => i.ContactId).ToList();
            var contacts = await db.Contacts.Where(c => contactIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
            foreach (var identity in due)
            {
                // Named already (demo data, an import): nothing to ask the platform.
                if (identity.DisplayName is not null)
                {
                    identity.ApplyProfile(null, clock.GetUtcNow());
                    continue;
                }
                ChannelProfile? profile = null;
                try { profile = await adapters.Get(channel).GetProfileAsync(identity.AccountId, identity.ExternalId, ct); }
                catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogWarning("{Channel} profile lookup failed: {Error}", channel, ex.GetType().Name); }
                identity.ApplyProfile(profile?.DisplayName, clock.GetUtcNow());
                if (profile?.DisplayName is { Length: > 0 } name && contacts.TryGetValue(identity.ContactId, out var contact) && contact.Name == Inbox.Core.Contacts.Contact.UnknownName)
                    contact.Rename(name);
            }
            await db.SaveChangesAsync(ct);
            var conversations = await db.Conversations.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)).Select(c => c.Id).ToListAsync(ct);
            if (conversations.Count > 0)
                await notifier.PublishAsync(conversations.Select(id => new InboxChange(InboxChangeKind.ConversationUpdated, id)).ToList(), ct);
            looked += due.Count;
        }
        return looked;
    }
}
