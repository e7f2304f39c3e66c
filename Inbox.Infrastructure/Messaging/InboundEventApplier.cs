using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

/// <summary>
/// Applies a batch of normalized inbound events to the database: finds or creates the patient and
/// their conversation, stores each new message once, and moves delivery statuses forward.
/// Everything is looked up with one query per kind (and channel) for the whole batch, untracked, and
/// every lookup seeks an index; the caller saves <see cref="Writes"/> inside its transaction.
/// </summary>
internal sealed class InboundEventApplier(InboxDbContext db, ChannelAccountDirectory accounts)
{
    private readonly Dictionary<(ChannelKind, string, string), ChannelIdentity> _identities = [];
    private readonly Dictionary<(Guid Contact, Guid Inbox), Conversation> _conversations = [];

    public InboundWrites Writes { get; } = new();

    public async Task<List<InboxChange>> ApplyAsync(IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        var changes = new List<InboxChange>();
        var messages = events.OfType<InboundMessage>().ToList();
        var statuses = events.OfType<InboundStatus>().ToList();
        if (messages.Count > 0) await ApplyMessagesAsync(messages, changes, ct);
        if (statuses.Count > 0) await ApplyStatusesAsync(statuses, changes, ct);
        return changes;
    }

    private async Task ApplyMessagesAsync(List<InboundMessage> messages, List<InboxChange> changes, CancellationToken ct)
    {
        var seen = new HashSet<(ChannelKind, string)>();
        // Per channel, so the lookup is a seek on the unique (Channel, ProviderMessageId) index, not a scan of Messages.
        foreach (var group in messages.GroupBy(m => m.Channel))
        {
            var channel = group.Key;
            var ids = group.Select(m => m.ProviderMessageId).Distinct().ToList();
            var found = await db.Messages.AsNoTracking().Where(m => m.Channel == channel && ids.Contains(m.ProviderMessageId!)).Select(m => m.ProviderMessageId!).ToListAsync(ct);
            foreach (var id in found) seen.Add((channel, id));
        }
        messages = messages.Where(m => seen.Add((m.Channel, m.ProviderMessageId))).ToList();
        if (messages.Count == 0) return;

        await LoadIdentitiesAsync(messages, ct);
        foreach (var inbound in messages)
        {
            var identity = IdentityFor(inbound);
            var conversation = ConversationFor(identity.ContactId, InboxOf(inbound), inbound.Timestamp);
            var message = Message.Inbound(conversation.Id, identity.Id, inbound);
            Writes.Added(message);
            conversation.RecordInbound(message);
            Writes.Updated(conversation);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        }
    }

    private async Task LoadIdentitiesAsync(List<InboundMessage> messages, CancellationToken ct)
    {
        var found = new List<ChannelIdentity>();
        // Per channel account, so the lookup seeks the unique (Channel, AccountId, ExternalId) index.
        foreach (var group in messages.GroupBy(m => (m.Channel, m.AccountId)))
        {
            var (channel, account) = group.Key;
            var externalIds = group.Select(m => m.Sender.ExternalId).Distinct().ToList();
            found.AddRange(await db.ChannelIdentities.AsNoTracking()
                .Where(i => i.Channel == channel && i.AccountId == account && externalIds.Contains(i.ExternalId)).ToListAsync(ct));
        }
        foreach (var identity in found) _identities[(identity.Channel, identity.AccountId, identity.ExternalId)] = identity;

        var contactIds = found.Select(i => i.ContactId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)).ToListAsync(ct);
        // One patient, one thread per shared inbox: the newest conversation carries on, whichever channel the patient uses.
        foreach (var c in conversations.GroupBy(c => (c.ContactId, c.SharedInboxId))) _conversations[c.Key] = c.MaxBy(x => x.LastMessageAt)!;
    }

    private ChannelIdentity IdentityFor(InboundMessage inbound)
    {
        var key = (inbound.Channel, inbound.AccountId, inbound.Sender.ExternalId);
        if (_identities.TryGetValue(key, out var identity))
        {
            var (name, phone) = (identity.DisplayName, identity.Phone);
            identity.RefreshProfile(inbound.Sender.DisplayName, inbound.Sender.Phone);
            if (name != identity.DisplayName || phone != identity.Phone) Writes.Updated(identity);
            return identity;
        }
        PhoneNumber.TryParse(inbound.Sender.Phone, out var parsed);
        var contact = new Contact(inbound.Sender.DisplayName ?? inbound.Sender.Username ?? "", parsed, inbound.Timestamp);
        identity = contact.AddIdentity(inbound.Channel, inbound.AccountId, inbound.Sender.ExternalId, inbound.Sender.DisplayName, inbound.Sender.Phone);
        Writes.Added(contact);
        Writes.Added(identity);
        _identities[key] = identity;
        return identity;
    }

    /// <summary>The inbox the account feeds; an account disconnected since the webhook arrived still lands somewhere visible.</summary>
    private Guid InboxOf(InboundEvent inbound) =>
        accounts.Find(inbound.Channel, inbound.AccountId)?.SharedInboxId ?? accounts.DefaultInboxId;

    private Conversation ConversationFor(Guid contactId, Guid inboxId, DateTimeOffset at)
    {
        if (_conversations.TryGetValue((contactId, inboxId), out var conversation)) return conversation;
        conversation = new Conversation(contactId, inboxId, at);
        Writes.Added(conversation);
        _conversations[(contactId, inboxId)] = conversation;
        return conversation;
    }

    private async Task ApplyStatusesAsync(List<InboundStatus> statuses, List<InboxChange> changes, CancellationToken ct)
    {
        var byId = new Dictionary<(ChannelKind, string), Message>();
        foreach (var group in statuses.GroupBy(s => s.Channel))
        {
            var channel = group.Key;
            var ids = group.Select(s => s.ProviderMessageId).Distinct().ToList();
            var found = await db.Messages.AsNoTracking().Where(m => m.Channel == channel && m.Direction == MessageDirection.Out && ids.Contains(m.ProviderMessageId!)).ToListAsync(ct);
            foreach (var m in found) byId[(m.Channel, m.ProviderMessageId!)] = m;
        }
        foreach (var receipt in statuses)
        {
            if (!byId.TryGetValue((receipt.Channel, receipt.ProviderMessageId), out var message)) continue;
            if (!message.ApplyReceipt(receipt.Status, receipt.Timestamp, receipt.ErrorCode, receipt.ErrorReason)) continue;
            Writes.Updated(message);
            changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id));
        }
    }
}
