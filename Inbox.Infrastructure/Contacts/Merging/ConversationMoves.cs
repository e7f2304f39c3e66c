using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// One patient, one thread per shared inbox. A merged-away contact's thread in an inbox where the survivor has one
/// is folded into it (every message moves, journaled; the emptied thread is kept, hidden, for the unmerge); a thread
/// in another inbox simply changes owner. Unmerge moves the journaled messages back, then every message follows the
/// identity it came from or went to, so messages that arrived after the merge end up with the right patient.
/// </summary>
internal sealed class ConversationMoves(IEnumerable<IConversationFoldParticipant> foldParticipants) : IMergeParticipant
{
    public const string Whole = "conversation";
    public const string Fold = "conversation.fold";
    public const string MessageKind = "message";

    public async Task MergeAsync(MergeStep step, CancellationToken ct)
    {
        var db = step.Db;
        var (survivorId, mergedId) = (step.Survivor.Id, step.Merged.Id);
        var theirs = await db.Conversations.Where(c => c.ContactId == mergedId && c.MergedIntoConversationId == null).ToListAsync(ct);
        var ours = await db.Conversations.Where(c => c.ContactId == survivorId && c.MergedIntoConversationId == null).ToListAsync(ct);

        foreach (var conversation in theirs)
        {
            step.Touched(conversation.Id);
            if (ours.FirstOrDefault(c => c.SharedInboxId == conversation.SharedInboxId) is not { } target)
            {
                step.Moved(Whole, conversation.Id, mergedId, survivorId);
                conversation.ReassignContact(survivorId);
                continue;
            }

            var (from, to) = (conversation.Id, target.Id);
            var messageIds = await db.Messages.Where(m => m.ConversationId == from).Select(m => m.Id).ToListAsync(ct);
            foreach (var id in messageIds) step.Moved(MessageKind, id, from, to);
            await db.Messages.Where(m => m.ConversationId == from).ExecuteUpdateAsync(s => s.SetProperty(m => m.ConversationId, to), ct);
            step.Moved(Fold, from, from, to);
            conversation.FoldInto(target);
            foreach (var participant in foldParticipants) await participant.FoldAsync(step, from, to, ct);
            target.Resummarize(await SummaryAsync(db, to, ct), target.UnreadCount);
            step.Touched(to);
        }
    }

    public async Task UnmergeAsync(UnmergeStep step, CancellationToken ct)
    {
        var db = step.Db;
        var (survivorId, mergedId) = (step.Survivor.Id, step.Merged.Id);

        foreach (var move in step.Moves(Whole))
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == move.RowId, ct);
            conversation.ReassignContact(mergedId);
            step.Touched(conversation.Id);
        }

        var mergeId = step.Merge.Id;
        foreach (var fold in step.Moves(Fold))
        {
            var (folded, target) = (fold.RowId, fold.ToId);
            // Only the journaled rows, found through the journal's key without listing them in the query.
            await db.Messages
                .Where(m => m.ConversationId == target && db.ContactMergeMoves.Any(x => x.MergeId == mergeId && x.Kind == MessageKind && x.RowId == m.Id && x.FromId == folded))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConversationId, folded), ct);
            var conversation = await db.Conversations.SingleAsync(c => c.Id == folded, ct);
            conversation.Unfold(await db.Conversations.SingleAsync(c => c.Id == target, ct));
            foreach (var participant in foldParticipants.Reverse()) await participant.UnfoldAsync(step, folded, target, ct);
            step.Touched(folded);
            step.Touched(target);
        }
        await db.SaveChangesAsync(ct);

        await FollowIdentitiesAsync(step, survivorId, mergedId, ct);
        await FollowIdentitiesAsync(step, mergedId, survivorId, ct);
        await db.SaveChangesAsync(ct);

        foreach (var id in step.TouchedConversations)
        {
            var conversation = await db.Conversations.SingleAsync(c => c.Id == id, ct);
            // Unread can never exceed what the patient wrote in the thread now.
            var inbound = await db.Messages.Where(Message.FromPatient).CountAsync(m => m.ConversationId == id, ct);
            conversation.Resummarize(await SummaryAsync(db, id, ct), Math.Min(conversation.UnreadCount, inbound));
        }
    }

    /// <summary>
    /// Messages in <paramref name="holderId"/>'s threads that came from (or went to) an identity <paramref name="ownerId"/>
    /// now owns move to the owner's thread in the same inbox (created if the owner has none there yet).
    /// </summary>
    private static async Task FollowIdentitiesAsync(UnmergeStep step, Guid holderId, Guid ownerId, CancellationToken ct)
    {
        var db = step.Db;
        var ownerIdentities = await db.ChannelIdentities.Where(i => i.ContactId == ownerId).Select(i => (Guid?)i.Id).ToListAsync(ct);
        if (ownerIdentities.Count == 0) return;
        var holderThreads = await db.Conversations.Where(c => c.ContactId == holderId && c.MergedIntoConversationId == null).ToListAsync(ct);
        foreach (var thread in holderThreads)
        {
            var strays = await db.Messages.Where(m => m.ConversationId == thread.Id && ownerIdentities.Contains(m.ChannelIdentityId))
                .OrderBy(m => m.CreatedAt).Select(m => m.CreatedAt).FirstOrDefaultAsync(ct);
            if (strays == default) continue;
            var home = await db.Conversations.FirstOrDefaultAsync(c => c.ContactId == ownerId && c.SharedInboxId == thread.SharedInboxId && c.MergedIntoConversationId == null, ct);
            if (home is null)
            {
                home = new Conversation(ownerId, thread.SharedInboxId, strays);
                db.Conversations.Add(home);
                await db.SaveChangesAsync(ct);
            }
            var (from, to) = (thread.Id, home.Id);
            await db.Messages.Where(m => m.ConversationId == from && ownerIdentities.Contains(m.ChannelIdentityId))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ConversationId, to), ct);
            step.Touched(from);
            step.Touched(to);
        }
    }

    /// <summary>The list fields of a thread, read from the messages it holds now.</summary>
    private static async Task<ConversationSummary> SummaryAsync(InboxDbContext db, Guid conversationId, CancellationToken ct)
    {
        // The same messages the thread's own bookkeeping counts (Conversation.RecordInbound / Touch): notes and workflow
        // lines never show in the list, and only the patient's words open windows.
        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId);
        var last = await messages.Where(Message.ShownInList).OrderByDescending(m => m.CreatedAt)
            .Select(m => new { m.CreatedAt, m.Direction, Text = m.UnsentAt == null ? m.Text : "Message unsent", m.Type }).FirstOrDefaultAsync(ct);
        var inbound = messages.Where(Message.FromPatient);
        var lastIn = await inbound.OrderByDescending(m => m.CreatedAt).Select(m => new { m.CreatedAt, m.Channel, m.AccountId }).FirstOrDefaultAsync(ct);
        var channels = await inbound.Select(m => m.Channel).Distinct().ToListAsync(ct);
        return new ConversationSummary(last?.CreatedAt, last?.Direction, last?.Text, last?.Type, lastIn?.CreatedAt, lastIn?.Channel, lastIn?.AccountId, channels);
    }

    // The review screen lists conversations itself.
    public Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MergeCandidateRecords>>([]);
}
