using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The inbox's read side. Every list is keyset-paged over an index (see the entity configurations).</summary>
internal sealed class ConversationQueries(InboxDbContext db) : IConversationQueries
{
    public async Task<Page<ConversationListItem>> ListAsync(InboxScope scope, ConversationFilter filter, int limit, string? cursor, CancellationToken ct)
    {
        var query = db.Filtered(Visible(scope), filter);
        if (Cursor.Decode(cursor) is { } after)
            query = query.Where(c => c.LastMessageAt < after.At || (c.LastMessageAt == after.At && c.Id.CompareTo(after.Id) < 0));

        var rows = await Project(query.OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id), filter.ViewerId).Take(limit + 1).ToListAsync(ct);
        var labels = await LabelsOfAsync(rows.Select(r => r.Id).ToList(), ct);
        return ToPage(rows.Select(r => ToItem(r, labels)).ToList(), limit, i => new Cursor(i.LastMessageAt, i.Id));
    }

    public async Task<IReadOnlyDictionary<InboxView, int>> CountsAsync(InboxScope scope, string me, ConversationFilter filter, CancellationToken ct)
    {
        var counts = new Dictionary<InboxView, int>();
        // One COUNT per view, each over the same index its list seeks, stopping one past the cap (Resolved grows without end).
        foreach (var view in Enum.GetValues<InboxView>())
            counts[view] = await db.Filtered(Visible(scope), filter.For(view, me)).Take(ViewCounts.Cap + 1).CountAsync(ct);
        return counts;
    }

    public async Task<ConversationListItem?> GetAsync(InboxScope scope, Guid id, CancellationToken ct)
    {
        var rows = await Project(Visible(scope).Where(c => c.Id == id), null).ToListAsync(ct);
        if (rows.Count == 0) return null;
        return ToItem(rows[0], await LabelsOfAsync([id], ct));
    }

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
        var mask = await Visible(scope).Where(c => c.Id == conversationId).Select(c => (int?)c.ChannelMask).FirstOrDefaultAsync(ct);
        return mask is { } channels ? await db.ReplyChannelStatesAsync(conversationId, channels, ct) : [];
    }

    private IQueryable<Conversation> Visible(InboxScope scope) => db.VisibleConversations(scope);

    private IQueryable<Contact> VisibleContacts(InboxScope scope) => db.VisibleContacts(scope);

    private Task<bool> IsVisibleAsync(InboxScope scope, Guid conversationId, CancellationToken ct) =>
        Visible(scope).AnyAsync(c => c.Id == conversationId, ct);

    private IQueryable<ContactView> ContactsQuery(IQueryable<Contact> contacts) =>
        contacts.Select(c => new ContactView(c.Id, c.Name, c.Phone, c.Email,
            c.Identities.Select(i => new ContactIdentityView(i.Channel, i.AccountId, i.ExternalId, i.DisplayName)).ToList(), c.CreatedAt,
            c.DateOfBirth, c.Version));

    private IQueryable<Row> Project(IQueryable<Conversation> conversations, string? viewerId) =>
        from c in conversations
        join contact in db.Contacts on c.ContactId equals contact.Id
        join user in db.Users on c.AssigneeId equals user.Id into assignees
        from assignee in assignees.DefaultIfEmpty()
        select new Row(c.Id, c.ContactId, contact.Name, c.Status, c.HandledBy, c.AssigneeId, c.Priority, c.ChannelMask,
            c.LastMessageAt, c.LastMessagePreview, c.UnreadCount, c.LastInboundAt, c.LastInboundChannel,
            c.AssignedTeamId, assignee == null ? null : assignee.DisplayName, c.SnoozedUntil, c.SharedInboxId, c.HandedOverAt,
            // Unread for this person: the patient wrote after their read marker (one primary-key probe per row).
            viewerId != null && c.LastInboundAt != null
                && !db.ReadMarkers.Any(m => m.ConversationId == c.Id && m.StaffId == viewerId && m.ReadAt >= c.LastInboundAt));

    private async Task<ILookup<Guid, LabelChip>> LabelsOfAsync(List<Guid> conversationIds, CancellationToken ct)
    {
        if (conversationIds.Count == 0) return Array.Empty<(Guid, LabelChip)>().ToLookup(x => x.Item1, x => x.Item2);
        var rows = await (
            from cl in db.ConversationLabels.AsNoTracking()
            join label in db.Labels on cl.LabelId equals label.Id
            where conversationIds.Contains(cl.ConversationId)
            select new { cl.ConversationId, label.Id, label.Name, label.Color }).ToListAsync(ct);
        return rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToLookup(r => r.ConversationId, r => new LabelChip(r.Id, r.Name, r.Color));
    }

    private static IQueryable<ThreadMessage> ProjectMessages(IQueryable<Message> messages) =>
        // An unsent message keeps its row (and its place in the thread) but shows none of its content.
        messages.Select(m => new ThreadMessage(m.Id, m.ConversationId, m.Direction, m.Channel, m.AccountId, m.Type, m.UnsentAt == null ? m.Text : null, m.Status,
            m.ErrorCode, m.ErrorReason, m.ProviderMessageId, new MessageAuthor(m.AuthorKind, m.AuthorId, m.AuthorName), m.CreatedAt,
            m.SendAttempts, m.NextAttemptAt,
            m.MediaState == null || m.UnsentAt != null ? null : new ThreadMedia(m.MediaId ?? "", m.MediaMimeType, m.MediaFileName, m.MediaCaption, m.MediaSize, m.MediaIsVoice, m.MediaState.Value, m.MediaError),
            m.LocationLatitude == null || m.LocationLongitude == null || m.UnsentAt != null ? null : new MessageLocation(m.LocationLatitude.Value, m.LocationLongitude.Value, m.LocationName, m.LocationAddress),
            m.UnsentAt == null ? m.Extras : null, m.PatientReaction, m.ReplyToProviderMessageId, m.UnsentAt != null));

    private static ConversationListItem ToItem(Row r, ILookup<Guid, LabelChip> labels) => new(r.Id, r.ContactId, r.ContactName, r.Status, r.HandledBy, r.AssigneeId, r.Priority,
        Enum.GetValues<ChannelKind>().Where(c => (r.ChannelMask & (1 << (int)c)) != 0).ToList(),
        r.LastMessageAt, r.LastMessagePreview, r.UnreadCount, r.LastInboundAt, r.LastInboundChannel,
        r.AssignedTeamId, r.AssigneeName, labels[r.Id].ToList(), r.UnreadForMe, r.SnoozedUntil, r.SharedInboxId, r.HandedOverAt);

    private static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, Cursor> key)
    {
        var more = rows.Count > limit;
        if (more) rows.RemoveAt(rows.Count - 1);
        return new Page<T>(rows, more ? key(rows[^1]).Encode() : null);
    }

    private sealed record Row(Guid Id, Guid ContactId, string ContactName, ConversationStatus Status, HandledBy HandledBy, string? AssigneeId,
        Priority Priority, int ChannelMask, DateTimeOffset LastMessageAt, string? LastMessagePreview, int UnreadCount,
        DateTimeOffset? LastInboundAt, ChannelKind? LastInboundChannel, Guid? AssignedTeamId, string? AssigneeName, DateTimeOffset? SnoozedUntil,
        Guid SharedInboxId, DateTimeOffset? HandedOverAt, bool UnreadForMe);
}
