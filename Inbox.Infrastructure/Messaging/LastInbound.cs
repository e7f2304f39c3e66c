using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

/// <summary>Where the patient last wrote from on a channel in a conversation: replies and templates answer that identity and account.</summary>
internal sealed record LastInbound(Guid IdentityId, string AccountId, DateTimeOffset At);

internal static class LastInboundQuery
{
    public static async Task<LastInbound?> LastInboundAsync(this InboxDbContext db, Guid conversationId, ChannelKind channel, CancellationToken ct)
    {
        var row = await db.Messages.AsNoTracking().Where(Message.FromPatient)
            .Where(m => m.ConversationId == conversationId && m.Channel == channel && m.ChannelIdentityId != null)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.ChannelIdentityId, m.AccountId, m.CreatedAt })
            .FirstOrDefaultAsync(ct);
        return row is null ? null : new LastInbound(row.ChannelIdentityId!.Value, row.AccountId, row.CreatedAt);
    }
}
