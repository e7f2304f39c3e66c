using Inbox.Core.Contacts.Merging;
using Inbox.Core.Labels;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// A folded thread's labels are added to the survivor's thread (the folded one keeps its own rows for the unmerge);
/// unmerge removes exactly the labels the merge added, so a label both threads had stays.
/// </summary>
internal sealed class LabelMoves : IConversationFoldParticipant
{
    public const string Kind = "label.added";

    public async Task FoldAsync(MergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct)
    {
        var db = step.Db;
        var theirs = await db.ConversationLabels.Where(l => l.ConversationId == foldedConversationId).Select(l => l.LabelId).ToListAsync(ct);
        var ours = await db.ConversationLabels.Where(l => l.ConversationId == intoConversationId).Select(l => l.LabelId).ToListAsync(ct);
        foreach (var label in theirs.Except(ours))
        {
            // One journal row per label and merge: when one merge folds threads in two inboxes that carry the same
            // label, only the first survivor thread gains it (so the unmerge can remove exactly what was added).
            if (step.Moves.Any(m => m.Kind == Kind && m.RowId == label)) continue;
            db.ConversationLabels.Add(new ConversationLabel(intoConversationId, label));
            // The journal's row id is the label's: (merge, kind, label) is unique per fold target.
            step.Moved(Kind, label, foldedConversationId, intoConversationId);
        }
    }

    public async Task UnfoldAsync(UnmergeStep step, Guid foldedConversationId, Guid intoConversationId, CancellationToken ct)
    {
        var added = step.Moves(Kind).Where(m => m.FromId == foldedConversationId).Select(m => m.RowId).ToList();
        if (added.Count > 0)
            await step.Db.ConversationLabels.Where(l => l.ConversationId == intoConversationId && added.Contains(l.LabelId)).ExecuteDeleteAsync(ct);
    }
}
