using FluentValidation;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Core.Common;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

/// <summary>Queues a staff reply in the durable outbound queue, on the channel the patient can be reached on.</summary>
internal sealed class ReplySender(
    InboxDbContext db,
    IValidator<ReplyDraft> validator,
    IInboxNotifier notifier,
    OutboundWork work,
    TimeProvider clock) : IReplySender
{
    public async Task<ReplyResult> QueueAsync(InboxScope scope, Guid conversationId, string? text, ChannelKind? channel, MessageAuthor author, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return new ReplyResult(ReplyOutcome.NotFound);
        if (await AssignmentMissingAsync(conversation, author, ct) is { } refusal) return refusal;

        var target = channel ?? conversation.LastInboundChannel;
        if (target is null)
            return new ReplyResult(ReplyOutcome.Invalid, Errors: Error("channel", "The patient has not written on any channel yet."));

        var validation = await validator.ValidateAsync(new ReplyDraft(text, target.Value), ct);
        if (!validation.IsValid)
            return new ReplyResult(ReplyOutcome.Invalid, Errors: validation.ToDictionary().AsReadOnly());

        // Answer the identity (and account) the patient last wrote from on that channel.
        var lastInbound = await db.LastInboundAsync(conversationId, target.Value, ct);
        if (lastInbound is null)
            return new ReplyResult(ReplyOutcome.Invalid, Errors: Error("channel", $"The patient has not written on {ChannelNames.Display(target.Value)} in this conversation."));

        var now = clock.GetUtcNow();
        // Messenger lets a person (not the bot) answer for 7 days with the HUMAN_AGENT tag; the dispatcher adds it.
        var humanAgentTag = author.Kind == AuthorKind.Agent && MessagingWindow.HumanAgentTagAllowed(target.Value, lastInbound.At, now);
        if (!MessagingWindow.IsOpen(target.Value, lastInbound.At, now) && !humanAgentTag)
            return new ReplyResult(ReplyOutcome.WindowClosed, Detail: WindowClosedDetail(target.Value, lastInbound.At));

        return await EnqueueAsync(conversation, Message.QueueOutbound(conversationId, lastInbound.IdentityId, target.Value, lastInbound.AccountId, text!.Trim(), author, now), ct);
    }

    public async Task<ReplyResult> QueueTemplateAsync(InboxScope scope, Guid conversationId, string templateName, string? language, IReadOnlyList<string> parameters,
        MessageAuthor author, CancellationToken ct)
    {
        if (await LoadAsync(scope, conversationId, ct) is not { } conversation) return new ReplyResult(ReplyOutcome.NotFound);
        if (await AssignmentMissingAsync(conversation, author, ct) is { } refusal) return refusal;

        var lastInbound = await db.LastInboundAsync(conversationId, ChannelKind.WhatsApp, ct);
        if (lastInbound is null)
            return new ReplyResult(ReplyOutcome.Invalid, Errors: Error("channel", "Templates go by WhatsApp, and this patient has not written on WhatsApp in this conversation."));

        var template = await db.MessageTemplates.AsNoTracking()
            .Where(t => t.IsActive && t.Name == templateName && (t.AccountId == null || t.AccountId == lastInbound.AccountId) && (language == null || t.Language == language))
            .OrderBy(t => t.Language).FirstOrDefaultAsync(ct);
        if (template is null)
            return new ReplyResult(ReplyOutcome.Invalid, Errors: Error("templateName", $"There is no approved template called {templateName}{(language is null ? "" : $" in {language}")} for this WhatsApp number."));

        string text;
        try { text = template.Render(parameters); }
        catch (InboxDomainException e) { return new ReplyResult(ReplyOutcome.Invalid, Errors: Error("templateParameters", e.Message)); }

        return await EnqueueAsync(conversation, Message.QueueOutbound(conversationId, lastInbound.IdentityId, ChannelKind.WhatsApp, lastInbound.AccountId, text, author,
            clock.GetUtcNow(), new MessageExtras(Template: new OutboundTemplate(template.Name, template.Language, parameters.Select(p => p.Trim()).ToList()))), ct);
    }

    /// <summary>Into the durable queue: the thread shows it at once, the dispatcher wakes to send it.</summary>
    private async Task<ReplyResult> EnqueueAsync(Conversation conversation, Message message, CancellationToken ct)
    {
        db.Messages.Add(message);
        conversation.RecordOutbound(message);
        conversation.MarkRead();
        // A person writing in a bot conversation takes it over: the bot must not talk over them.
        var takenOver = message.AuthorKind == AuthorKind.Agent && conversation.HandledBy == HandledBy.Bot;
        if (takenOver) conversation.TakeOver(message.AuthorId ?? "unknown", message.CreatedAt);
        await db.SaveChangesAsync(ct);
        work.Pulse();
        await notifier.PublishAsync(takenOver
            ? [new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id), new InboxChange(InboxChangeKind.ConversationUpdated, conversation.Id)]
            : [new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id)], ct);
        return new ReplyResult(ReplyOutcome.Queued, message.Id);
    }

    public async Task<bool> RetryAsync(InboxScope scope, Guid messageId, CancellationToken ct)
    {
        var message = await db.Messages.FirstOrDefaultAsync(m => m.Id == messageId, ct);
        if (message is not { Direction: MessageDirection.Out, Status: DeliveryStatus.Failed }) return false;
        if (!await db.VisibleConversations(scope).AnyAsync(c => c.Id == message.ConversationId, ct)) return false;
        message.Requeue(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        work.Pulse();
        await notifier.PublishAsync([new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id)], ct);
        return true;
    }

    /// <summary>Tracked (the reply updates it); a thread folded into another by a contact merge is not there to answer.</summary>
    private Task<Conversation?> LoadAsync(InboxScope scope, Guid id, CancellationToken ct) =>
        db.VisibleConversations(scope).AsTracking().FirstOrDefaultAsync(c => c.Id == id, ct);

    /// <summary>
    /// The inbox's "require assignment before replying": a person may answer only threads assigned to them, an API key
    /// only assigned threads, so two receptionists never answer the same patient.
    /// </summary>
    private async Task<ReplyResult?> AssignmentMissingAsync(Conversation conversation, MessageAuthor author, CancellationToken ct)
    {
        var required = await db.SharedInboxes.AsNoTracking().Where(i => i.Id == conversation.SharedInboxId).Select(i => i.RequireAssignmentToReply).FirstOrDefaultAsync(ct);
        if (!required) return null;
        var isKey = author.Id?.StartsWith(Auth.ApiKey.ActorIdFor(""), StringComparison.Ordinal) == true;
        if (conversation.AssigneeId is null)
            return new ReplyResult(ReplyOutcome.AssignmentRequired, Detail: "This inbox asks that a conversation is assigned before anyone replies. Assign it (to yourself) first.");
        if (!isKey && conversation.AssigneeId != author.Id)
            return new ReplyResult(ReplyOutcome.AssignmentRequired, Detail: "This conversation is assigned to a colleague. Assign it to yourself before replying.");
        return null;
    }

    private static string WindowClosedDetail(ChannelKind channel, DateTimeOffset lastInbound) => channel switch
    {
        ChannelKind.Messenger =>
            $"The Messenger window closed {MessagingWindow.HumanAgentTagClosesAt(channel, lastInbound):u}: a person may answer for 7 days after the patient's last message. The patient must write again first.",
        _ =>
            $"The {ChannelNames.Display(channel)} window closed {MessagingWindow.ClosesAt(channel, lastInbound):u}: free-form replies are allowed only within 24 hours of the patient's last message. Send an approved template instead.",
    };

    private static Dictionary<string, string[]> Error(string field, string message) => new() { [field] = [message] };
}
