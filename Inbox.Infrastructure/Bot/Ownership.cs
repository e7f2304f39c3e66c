using Inbox.Core.Conversations;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Bot;

/// <summary>Who handles a conversation, as a change was decided on: the bot or people, the status, the assignee.</summary>
internal readonly record struct Ownership(HandledBy HandledBy, ConversationStatus Status, string? AssigneeId)
{
    public static Ownership Of(Conversation conversation) => new(conversation.HandledBy, conversation.Status, conversation.AssigneeId);
}

/// <summary>
/// Ownership changes race: the bot hands over while an agent takes the thread, two agents take it at once, a reply
/// takes over a thread the bot just handed over. Each change is written with an UPDATE conditional on the ownership
/// it was decided on, so the second writer matches no row instead of silently overwriting the first.
/// </summary>
internal static class OwnershipWrites
{
    public const string Conflict = "Someone else changed who handles this conversation just now. Reload it and try again.";

    /// <summary>Writes <paramref name="changed"/>'s ownership columns if the row still holds <paramref name="before"/>; false when it does not.</summary>
    public static async Task<bool> ChangeOwnershipIfStillAsync(this InboxDbContext db, Conversation changed, Ownership before, CancellationToken ct) =>
        await db.Conversations
            .Where(x => x.Id == changed.Id && x.HandledBy == before.HandledBy && x.Status == before.Status && x.AssigneeId == before.AssigneeId)
            .ExecuteUpdateAsync(s => s
                .SetProperty(x => x.HandledBy, changed.HandledBy)
                .SetProperty(x => x.Status, changed.Status)
                .SetProperty(x => x.AssigneeId, changed.AssigneeId)
                .SetProperty(x => x.AssignedTeamId, changed.AssignedTeamId)
                .SetProperty(x => x.Priority, changed.Priority)
                .SetProperty(x => x.HandoverReason, changed.HandoverReason)
                .SetProperty(x => x.HandoverSummary, changed.HandoverSummary)
                .SetProperty(x => x.HandedOverAt, changed.HandedOverAt)
                .SetProperty(x => x.BotState, changed.BotState)
                .SetProperty(x => x.BotFlowVersionId, changed.BotFlowVersionId), ct) == 1;

    /// <summary>
    /// Saves the tracked changes (the conversation and whatever came with it) in one transaction, only if the row
    /// still holds <paramref name="before"/>: otherwise nothing is written and <see cref="ConversationConflictException"/> says why.
    /// </summary>
    public static async Task SaveIfOwnershipHoldsAsync(this InboxDbContext db, SqliteWriteGate writeGate, Conversation conversation, Ownership before, CancellationToken ct)
    {
        using (await writeGate.EnterAsync(db, ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (!await db.ChangeOwnershipIfStillAsync(conversation, before, ct)) throw new ConversationConflictException(Conflict);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
    }
}
