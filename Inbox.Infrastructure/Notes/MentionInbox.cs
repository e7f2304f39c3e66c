using Inbox.Core.Notes;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Notes;

/// <summary>
/// The bell's reads: a seek on (StaffId, ReadAt, CreatedAt), then each mention's conversation by key through
/// <see cref="ScopedQueries.VisibleConversations"/> — a mention in an inbox the caller no longer serves is not shown.
/// </summary>
internal sealed class MentionInbox(InboxDbContext db) : IMentionInbox
{
    public const int ExcerptLength = 120;

    public Task<int> UnreadCountAsync(InboxScope scope, string staffId, CancellationToken ct)
    {
        var visible = db.VisibleConversations(scope);
        return db.Mentions.CountAsync(m => m.StaffId == staffId && m.ReadAt == null && visible.Any(c => c.Id == m.ConversationId), ct);
    }

    public async Task<IReadOnlyList<MentionView>> LatestAsync(InboxScope scope, string staffId, int limit, CancellationToken ct)
    {
        var rows = await (from m in db.Mentions.AsNoTracking().Where(m => m.StaffId == staffId)
                          join note in db.Messages on m.NoteId equals note.Id
                          join c in db.VisibleConversations(scope) on m.ConversationId equals c.Id
                          join contact in db.Contacts on c.ContactId equals contact.Id
                          orderby m.CreatedAt descending
                          select new { m.Id, m.ConversationId, m.NoteId, contact.Name, m.AuthorName, note.Text, m.CreatedAt, m.ReadAt })
            .Take(limit).ToListAsync(ct);
        return rows.Select(r => new MentionView(r.Id, r.ConversationId, r.NoteId, r.Name, r.AuthorName,
            r.Text is { Length: > ExcerptLength } t ? t[..ExcerptLength] + "…" : r.Text ?? "", r.CreatedAt, r.ReadAt is not null)).ToList();
    }
}
