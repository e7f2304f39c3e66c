using Inbox.Core.Channels;
using Inbox.Core.Teams;

namespace Inbox.Core.Conversations;

public enum ReplyOutcome { Queued, NotFound, Invalid, WindowClosed }

/// <summary>The result of asking to send a reply: the queued message, or why it was not queued.</summary>
public sealed record ReplyResult(ReplyOutcome Outcome, Guid? MessageId = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Detail = null);

/// <summary>Queues a staff reply durably; the outbound dispatcher sends it.</summary>
public interface IReplySender
{
    /// <param name="scope">The caller's inboxes: a conversation outside them is not found.</param>
    /// <param name="channel">The channel to answer on; by default the one the patient last wrote from.</param>
    Task<ReplyResult> QueueAsync(InboxScope scope, Guid conversationId, string? text, ChannelKind? channel, MessageAuthor author, CancellationToken ct);

    /// <summary>Staff asked to try a failed message again.</summary>
    Task<bool> RetryAsync(InboxScope scope, Guid messageId, CancellationToken ct);
}
