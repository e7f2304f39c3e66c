using Inbox.Core.Channels;
using Inbox.Core.Teams;

namespace Inbox.Core.Conversations;

public enum ReplyOutcome { Queued, NotFound, Invalid, WindowClosed, AssignmentRequired }

/// <summary>The result of asking to send a reply: the queued message, or why it was not queued.</summary>
public sealed record ReplyResult(ReplyOutcome Outcome, Guid? MessageId = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Detail = null);

/// <summary>Queues a staff reply durably; the outbound dispatcher sends it.</summary>
public interface IReplySender
{
    /// <param name="scope">The caller's inboxes: a conversation outside them is not found.</param>
    /// <param name="channel">The channel to answer on; by default the one the patient last wrote from.</param>
    Task<ReplyResult> QueueAsync(InboxScope scope, Guid conversationId, string? text, ChannelKind? channel, MessageAuthor author, CancellationToken ct);

    /// <summary>
    /// Queues an approved WhatsApp template to the number the patient last wrote to: allowed outside the 24-hour window.
    /// <paramref name="language"/> null takes the template's only (or first) language.
    /// </summary>
    Task<ReplyResult> QueueTemplateAsync(InboxScope scope, Guid conversationId, string templateName, string? language, IReadOnlyList<string> parameters,
        MessageAuthor author, CancellationToken ct);

    /// <summary>Staff asked to try a failed message again.</summary>
    Task<bool> RetryAsync(InboxScope scope, Guid messageId, CancellationToken ct);
}
