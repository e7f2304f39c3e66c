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

    /// <summary>
    /// The channels the patient wrote from in the thread (<paramref name="channelMask"/>, a handful), each as the sender
    /// would be answered there: the patient's last message on it, and whether that identity still follows us (LINE).
    /// </summary>
    public static async Task<IReadOnlyList<ReplyChannelState>> ReplyChannelStatesAsync(this InboxDbContext db, Guid conversationId, int channelMask, CancellationToken ct)
    {
        var states = new List<ReplyChannelState>();
        foreach (var channel in Enum.GetValues<ChannelKind>().Where(c => (channelMask & 1 << (int)c) != 0))
        {
            if (await db.LastInboundAsync(conversationId, channel, ct) is not { } last) continue;
            var following = await db.ChannelIdentities.Where(i => i.Id == last.IdentityId).Select(i => i.IsFollowing).FirstOrDefaultAsync(ct);
            states.Add(new ReplyChannelState(channel, last.At, Blocked: !following));
        }
        return states;
    }
}
