using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Notes;

/// <summary>
/// Writes a private note into the thread and a mention row per colleague it names. The note is a message row
/// with no next attempt time, so the outbound dispatcher never sees it; it does not touch the list preview
/// (patients' words and replies are what the list shows).
/// </summary>
internal sealed class NoteWriter(InboxDbContext db, IInboxChoices choices, IInboxNotifier notifier, TimeProvider clock) : INoteWriter
{
    public const int MaxLength = 4000;

    public async Task<NoteResult> AddAsync(InboxScope scope, Guid conversationId, string? text, MessageAuthor author, CancellationToken ct)
    {
        var conversation = await db.Conversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new { c.SharedInboxId, c.LastInboundChannel }).FirstOrDefaultAsync(ct);
        if (conversation is null || !scope.Allows(conversation.SharedInboxId)) return new NoteResult(NoteOutcome.NotFound);
        if (string.IsNullOrWhiteSpace(text)) return new NoteResult(NoteOutcome.Invalid, Error: "Write the note before saving it.");
        if (text.Length > MaxLength) return new NoteResult(NoteOutcome.Invalid, Error: $"A note has at most {MaxLength:N0} characters; this one has {text.Length:N0}.");

        var now = clock.GetUtcNow();
        // The channel column is required; a note takes the thread's latest one (its bubble shows no channel).
        var note = Message.Note(conversationId, conversation.LastInboundChannel ?? ChannelKind.WhatsApp, text.Trim(), author, now);
        // Only colleagues who serve this inbox can be named; without an "@" nobody is.
        var mentioned = note.Text!.Contains('@')
            ? Mentions.In(note.Text, await choices.AssignableAsync(conversation.SharedInboxId, ct)).Where(m => m.Id != author.Id).ToList()
            : [];
        db.Messages.Add(note);
        foreach (var member in mentioned) db.Mentions.Add(new Mention(conversationId, note.Id, member.Id, author.Name ?? "A colleague", now));
        await db.SaveChangesAsync(ct);
        // The thread shows the note; only a note that names someone is news for the bells.
        InboxChange added = new(InboxChangeKind.MessageAdded, conversationId, note.Id);
        await notifier.PublishAsync(mentioned.Count == 0 ? [added] : [added, new InboxChange(InboxChangeKind.Mentioned, conversationId, note.Id)], ct);
        return new NoteResult(NoteOutcome.Added, note.Id, mentioned);
    }
}
