using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The inbox's read side. Every list is keyset-paged over an index (see the entity configurations).</summary>
internal sealed class ConversationQueries(InboxDbContext db) : IConversationQueries
{
    public async Task<Page<ConversationListItem>> ListAsync(InboxScope scope, ConversationFilter filter, int limit, string? cursor, CancellationToken ct)
    {
        var query = Visible(scope);
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.AssigneeId is { } assignee) query = query.Where(c => c.AssigneeId == assignee);
        if (filter.ContactId is { } contact) query = query.Where(c => c.ContactId == contact);
        if (filter.HandledBy is { } handledBy) query = query.Where(c => c.HandledBy == handledBy);
        if (filter.Channel is { } channel)
        {
            var bit = 1 << (int)channel;
            query = query.Where(c => (c.ChannelMask & bit) != 0);
        }
        if (Cursor.Decode(cursor) is { } after)
            query = query.Where(c => c.LastMessageAt < after.At || (c.LastMessageAt == after.At && c.Id.CompareTo(after.Id) < 0));

        var rows = await Project(query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id)).Take(limit + 1).ToListAsync(ct);
        return ToPage(rows.Select(ToItem).ToList(), limit, i => new Cursor(i.LastMessageAt, i.Id));
    }

    public async Task<ConversationListItem?> GetAsync(InboxScope scope, Guid id, CancellationToken ct) =>
        (await Project(Visible(scope).Where(c => c.Id == id)).ToListAsync(ct)).Select(ToItem).FirstOrDefault();

    public async Task<Page<ThreadMessage>> MessagesAsync(InboxScope scope, Guid conversationId, int limit, string? cursor, CancellationToken ct)
    {
        if (!await IsVisibleAsync(scope, conversationId, ct)) return new Page<ThreadMessage>([], null);
        var query = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        if (Cursor.Decode(cursor) is { } after)
            query = query.Where(m => m.CreatedAt > after.At || (m.CreatedAt == after.At && m.Id.CompareTo(after.Id) > 0));
        var rows = await ProjectMessages(query.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)).Take(limit + 1).ToListAsync(ct);
        return ToPage(rows, limit, m => new Cursor(m.CreatedAt, m.Id));
    }

    public async Task<IReadOnlyList<ThreadMessage>> LatestMessagesAsync(InboxScope scope, Guid conversationId, int count, CancellationToken ct)
    {
        if (!await IsVisibleAsync(scope, conversationId, ct)) return [];
        var rows = await ProjectMessages(db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)).Take(count).ToListAsync(ct);
        rows.Reverse();
        return rows;
    }

    public async Task<ThreadMessage?> MessageAsync(InboxScope scope, Guid messageId, CancellationToken ct)
    {
        var visible = Visible(scope);
        return await ProjectMessages(db.Messages.AsNoTracking().Where(m => m.Id == messageId && visible.Any(c => c.Id == m.ConversationId))).FirstOrDefaultAsync(ct);
    }

    public async Task<ContactView?> ContactAsync(InboxScope scope, Guid contactId, CancellationToken ct) =>
        (await ContactsQuery(VisibleContacts(scope).Where(c => c.Id == contactId)).ToListAsync(ct)).FirstOrDefault();

    public async Task<Page<ContactView>> ContactsAsync(InboxScope scope, string? text, string? phone, int limit, string? cursor, CancellationToken ct)
    {
        var query = VisibleContacts(scope);
        if (!string.IsNullOrWhiteSpace(text)) query = query.Where(c => c.Name.Contains(text) || (c.Email != null && c.Email.Contains(text)));
        if (!string.IsNullOrWhiteSpace(phone))
        {
            var e164 = PhoneNumber.TryParse(phone, out var parsed) ? parsed.Value.Value : phone;
            query = query.Where(c => c.Phone == e164);
        }
        if (Cursor.Decode(cursor) is { } after)
            query = query.Where(c => c.CreatedAt < after.At || (c.CreatedAt == after.At && c.Id.CompareTo(after.Id) < 0));
        var rows = await ContactsQuery(query.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)).Take(limit + 1).ToListAsync(ct);
        return ToPage(rows, limit, c => new Cursor(c.CreatedAt, c.Id));
    }

    public async Task<IReadOnlyList<ReplyChannelState>> ReplyChannelsAsync(InboxScope scope, Guid conversationId, CancellationToken ct)
    {
        if (!await IsVisibleAsync(scope, conversationId, ct)) return [];
        // A handful of channels per thread: the latest inbound per channel, from the (conversation, time) index.
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.In && m.ChannelIdentityId != null)
            .GroupBy(m => m.Channel)
            .Select(g => new { Channel = g.Key, At = g.Max(m => m.CreatedAt) })
            .ToListAsync(ct);
        var states = new List<ReplyChannelState>();
        foreach (var row in latest)
        {
            var following = await db.Messages.AsNoTracking()
                .Where(m => m.ConversationId == conversationId && m.Direction == MessageDirection.In && m.Channel == row.Channel)
                .OrderByDescending(m => m.CreatedAt)
                .Select(m => db.ChannelIdentities.Where(i => i.Id == m.ChannelIdentityId).Select(i => i.IsFollowing).FirstOrDefault())
                .FirstOrDefaultAsync(ct);
            states.Add(new ReplyChannelState(row.Channel, row.At, Blocked: !following));
        }
        return states;
    }

    private IQueryable<Conversation> Visible(InboxScope scope) => db.VisibleConversations(scope);

    private IQueryable<Contact> VisibleContacts(InboxScope scope) => db.VisibleContacts(scope);

    private Task<bool> IsVisibleAsync(InboxScope scope, Guid conversationId, CancellationToken ct) =>
        Visible(scope).AnyAsync(c => c.Id == conversationId, ct);

    private IQueryable<ContactView> ContactsQuery(IQueryable<Contact> contacts) =>
        contacts.Select(c => new ContactView(c.Id, c.Name, c.Phone, c.Email,
            c.Identities.Select(i => new ContactIdentityView(i.Channel, i.AccountId, i.ExternalId, i.DisplayName)).ToList(), c.CreatedAt,
            c.DateOfBirth, c.Version));

    private IQueryable<Row> Project(IQueryable<Conversation> conversations) =>
        from c in conversations
        join contact in db.Contacts on c.ContactId equals contact.Id
        select new Row(c.Id, c.ContactId, contact.Name, c.Status, c.HandledBy, c.AssigneeId, c.Priority, c.ChannelMask,
            c.LastMessageAt, c.LastMessagePreview, c.UnreadCount, c.LastInboundAt, c.LastInboundChannel);

    private static IQueryable<ThreadMessage> ProjectMessages(IQueryable<Message> messages) =>
        // An unsent message keeps its row (and its place in the thread) but shows none of its content.
        messages.Select(m => new ThreadMessage(m.Id, m.ConversationId, m.Direction, m.Channel, m.AccountId, m.Type, m.UnsentAt == null ? m.Text : null, m.Status,
            m.ErrorCode, m.ErrorReason, m.ProviderMessageId, new MessageAuthor(m.AuthorKind, m.AuthorId, m.AuthorName), m.CreatedAt,
            m.SendAttempts, m.NextAttemptAt,
            m.MediaState == null || m.UnsentAt != null ? null : new ThreadMedia(m.MediaId ?? "", m.MediaMimeType, m.MediaFileName, m.MediaCaption, m.MediaSize, m.MediaIsVoice, m.MediaState.Value, m.MediaError),
            m.LocationLatitude == null || m.LocationLongitude == null || m.UnsentAt != null ? null : new MessageLocation(m.LocationLatitude.Value, m.LocationLongitude.Value, m.LocationName, m.LocationAddress),
            m.UnsentAt == null ? m.Extras : null, m.PatientReaction, m.ReplyToProviderMessageId, m.UnsentAt != null));

    private static ConversationListItem ToItem(Row r) => new(r.Id, r.ContactId, r.ContactName, r.Status, r.HandledBy, r.AssigneeId, r.Priority,
        Enum.GetValues<ChannelKind>().Where(c => (r.ChannelMask & (1 << (int)c)) != 0).ToList(),
        r.LastMessageAt, r.LastMessagePreview, r.UnreadCount, r.LastInboundAt, r.LastInboundChannel);

    private static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, Cursor> key)
    {
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, more ? key(rows[^1]).Encode() : null);
    }

    private sealed record Row(Guid Id, Guid ContactId, string ContactName, ConversationStatus Status, HandledBy HandledBy, string? AssigneeId,
        Priority Priority, int ChannelMask, DateTimeOffset LastMessageAt, string? LastMessagePreview, int UnreadCount,
        DateTimeOffset? LastInboundAt, ChannelKind? LastInboundChannel);
}
