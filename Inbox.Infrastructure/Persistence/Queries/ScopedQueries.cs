using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The one place an <see cref="InboxScope"/> becomes SQL: every read side filters through these.</summary>
internal static class ScopedQueries
{
    /// <summary>The conversations the caller may see, untracked.</summary>
    public static IQueryable<Conversation> VisibleConversations(this InboxDbContext db, InboxScope scope)
    {
        var conversations = db.Conversations.AsNoTracking();
        if (scope.InboxIds is not { } inboxIds) return conversations;
        var ids = inboxIds.ToList();
        return conversations.Where(c => ids.Contains(c.SharedInboxId));
    }

    /// <summary>Contacts with at least one conversation the caller may see, untracked.</summary>
    public static IQueryable<Contact> VisibleContacts(this InboxDbContext db, InboxScope scope)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (scope.SeesAll) return contacts;
        var visible = db.VisibleConversations(scope);
        return contacts.Where(c => visible.Any(v => v.ContactId == c.Id));
    }
}
