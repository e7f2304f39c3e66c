using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>The one place a <see cref="ConversationFilter"/> becomes SQL: the list and the view counts share it.</summary>
internal static class ConversationFilters
{
    public static IQueryable<Conversation> Filtered(this InboxDbContext db, IQueryable<Conversation> query, ConversationFilter filter)
    {
        if (filter.Status is { } status) query = query.Where(c => c.Status == status);
        if (filter.Unassigned) query = query.Where(c => c.AssigneeId == null);
        else if (filter.AssigneeId is { } assignee) query = query.Where(c => c.AssigneeId == assignee);
        if (filter.TeamId is { } team) query = query.Where(c => c.AssignedTeamId == team);
        if (filter.Priority is { } priority) query = query.Where(c => c.Priority == priority);
        if (filter.AccountId is { } account) query = query.Where(c => c.LastInboundAccountId == account);
        if (filter.ContactId is { } contact) query = query.Where(c => c.ContactId == contact);
        if (filter.HandledBy is { } handledBy) query = query.Where(c => c.HandledBy == handledBy);
        if (filter.Channel is { } channel)
        {
            var bit = 1 << (int)channel;
            query = query.Where(c => (c.ChannelMask & bit) != 0);
        }
        if (filter.LabelId is { } label)
        {
            var labels = db.ConversationLabels.AsNoTracking();
            query = query.Where(c => labels.Any(l => l.ConversationId == c.Id && l.LabelId == label));
        }
        return query;
    }
}
