using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

/// <summary>
/// Applies a batch of normalized inbound events to the database: finds or creates the patient and
/// their conversation, stores each new message once, and moves delivery statuses forward.
/// Everything is looked up with one query per kind for the whole batch (no query per event).
/// </summary>
internal sealed class InboundEventApplier(InboxDbContext db)
{
    private readonly Dictionary<(ChannelKind, string, string), ChannelIdentity> _identities = [];
    private readonly Dictionary<Guid, Conversation> _conversations = [];

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
        var ids = messages.Select(m => m.ProviderMessageId).Distinct().ToList();
        var seen = (await db.Messages.Where(m => m.Direction == MessageDirection.In && ids.Contains(m.ProviderMessageId!))
            .Select(m => new { m.Channel, m.ProviderMessageId }).ToListAsync(ct))
            .Select(m => (m.Channel, m.ProviderMessageId!)).ToHashSet();
        messages = messages.Where(m => seen.Add((m.Channel, m.ProviderMessageId))).ToList();
        if (messages.Count == 0) return;

        await LoadIdentitiesAsync(messages, ct);
        foreach (var inbound in messages)
        {
            var identity = await IdentityForAsync(inbound);
            var conversation = await ConversationForAsync(identity.ContactId, inbound.Timestamp, ct);
            var message = Message.Inbound(conversation.Id, identity.Id, inbound);
            db.Messages.Add(message);
            conversation.RecordInbound(message);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        }
    }

    private async Task LoadIdentitiesAsync(List<InboundMessage> messages, CancellationToken ct)
    {
        var externalIds = messages.Select(m => m.Sender.ExternalId).Distinct().ToList();
        var found = await db.ChannelIdentities.Where(i => externalIds.Contains(i.ExternalId)).ToListAsync(ct);
        foreach (var identity in found) _identities[(identity.Channel, identity.AccountId, identity.ExternalId)] = identity;

        var contactIds = found.Select(i => i.ContactId).Distinct().ToList();
        var conversations = await db.Conversations.Where(c => contactIds.Contains(c.ContactId)).ToListAsync(ct);
        // One patient, one thread: the newest conversation of each contact carries on.
        foreach (var c in conversations.GroupBy(c => c.ContactId)) _conversations[c.Key] = c.MaxBy(x => x.LastMessageAt)!;
    }

    private async Task<ChannelIdentity> IdentityForAsync(InboundMessage inbound)
    {
        var key = (inbound.Channel, inbound.AccountId, inbound.Sender.ExternalId);
        if (_identities.TryGetValue(key, out var identity))
        {
            identity.RefreshProfile(inbound.Sender.DisplayName, inbound.Sender.Phone);
            return identity;
        }
        PhoneNumber.TryParse(inbound.Sender.Phone, out var phone);
        var contact = new Contact(inbound.Sender.DisplayName ?? inbound.Sender.Username ?? "", phone, inbound.Timestamp);
        identity = contact.AddIdentity(inbound.Channel, inbound.AccountId, inbound.Sender.ExternalId, inbound.Sender.DisplayName, inbound.Sender.Phone);
        await db.Contacts.AddAsync(contact);
        _identities[key] = identity;
        return identity;
    }

    private async Task<Conversation> ConversationForAsync(Guid contactId, DateTimeOffset at, CancellationToken ct)
    {
        if (_conversations.TryGetValue(contactId, out var conversation)) return conversation;
        conversation = new Conversation(contactId, at);
        await db.Conversations.AddAsync(conversation, ct);
        _conversations[contactId] = conversation;
        return conversation;
    }

    private async Task ApplyStatusesAsync(List<InboundStatus> statuses, List<InboxChange> changes, CancellationToken ct)
    {
        var ids = statuses.Select(s => s.ProviderMessageId).Distinct().ToList();
        var byId = await db.Messages.Where(m => m.Direction == MessageDirection.Out && ids.Contains(m.ProviderMessageId!))
            .ToDictionaryAsync(m => (m.Channel, m.ProviderMessageId!), ct);
        foreach (var receipt in statuses)
        {
            if (!byId.TryGetValue((receipt.Channel, receipt.ProviderMessageId), out var message)) continue;
            if (message.ApplyReceipt(receipt.Status, receipt.Timestamp, receipt.ErrorCode, receipt.ErrorReason))
                changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id));
        }
    }
}
