using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The one place an <see cref="InboxScope"/> becomes SQL: every read side filters through these.</summary>
public static class ScopedQueries
{
    /// <summary>The conversations the caller may see, untracked; a thread folded into another by a contact merge is not one.</summary>
    public static IQueryable<Conversation> VisibleConversations(this InboxDbContext db, InboxScope scope)
    {
        var conversations = db.Conversations.AsNoTracking().Where(c => c.MergedIntoConversationId == null);
        if (scope.InboxIds is not { } inboxIds) return conversations;
        var ids = inboxIds.ToList();
        return conversations.Where(c => ids.Contains(c.SharedInboxId));
    }

    /// <summary>Finished episodes of the caller's inboxes, untracked (a folded thread's episodes stay: the work happened).</summary>
    public static IQueryable<ConversationEpisode> VisibleEpisodes(this InboxDbContext db, InboxScope scope)
    {
        var episodes = db.ConversationEpisodes.AsNoTracking();
        if (scope.InboxIds is not { } inboxIds) return episodes;
        var ids = inboxIds.ToList();
        return episodes.Where(e => ids.Contains(e.SharedInboxId));
    }

    /// <summary>Satisfaction surveys of the caller's inboxes, untracked.</summary>
    public static IQueryable<CsatSurvey> VisibleSurveys(this InboxDbContext db, InboxScope scope)
    {
        var surveys = db.CsatSurveys.AsNoTracking();
        if (scope.InboxIds is not { } inboxIds) return surveys;
        var ids = inboxIds.ToList();
        return surveys.Where(s => ids.Contains(s.SharedInboxId));
    }

    /// <summary>Contacts with at least one conversation the caller may see, untracked; merged-away tombstones are not among them.</summary>
    public static IQueryable<Contact> VisibleContacts(this InboxDbContext db, InboxScope scope)
    {
        var contacts = db.Contacts.AsNoTracking().Where(c => c.MergedIntoId == null);
        if (scope.SeesAll) return contacts;
        var visible = db.VisibleConversations(scope);
        return contacts.Where(c => visible.Any(v => v.ContactId == c.Id));
    }
}
