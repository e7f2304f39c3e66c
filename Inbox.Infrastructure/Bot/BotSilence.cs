using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Bot;

/// <summary>
/// The last check before a bot message leaves: a message can wait in the queue while a person takes the
/// conversation or the patient opts out, and the bot must not talk over either. Only the notice that announces
/// a handover may still go.
/// </summary>
internal static class BotSilence
{
    public const string ErrorCode = "bot-silenced";

    public static async Task<string?> ReasonToHoldBackAsync(InboxDbContext db, Message message, CancellationToken ct)
    {
        if (message.AuthorKind != AuthorKind.Bot || message.Extras?.HandoverNotice == true) return null;
        var owner = await db.Conversations.AsNoTracking().Where(c => c.Id == message.ConversationId)
            .Select(c => new { c.HandledBy, c.ContactId }).FirstOrDefaultAsync(ct);
        if (owner is null) return null;
        if (owner.HandledBy == HandledBy.Human) return "Not sent: a person took over the conversation, so the bot stays silent.";
        return await db.CurrentConsentAsync(owner.ContactId, ct) == ConsentState.OptedOut ? "Not sent: the patient opted out of automated messages." : null;
    }
}
