using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>
/// One finished stretch of work on a conversation: from when it (re)opened to when someone resolved it, with the
/// facts the reports need (copied from the conversation, which records them as they happen). The current,
/// unfinished stretch lives on the <see cref="Conversation"/> (<see cref="Conversation.OpenedAt"/> and its
/// Episode* properties). Keyed by <see cref="ConversationId"/> so a contact merge can move them. docs/metrics.md
/// defines every figure computed from these rows.
/// </summary>
public sealed class ConversationEpisode : Entity
{
    private ConversationEpisode() { }

    internal ConversationEpisode(Conversation conversation, DateTimeOffset resolvedAt, string? resolvedBy)
    {
        ConversationId = conversation.Id;
        SharedInboxId = conversation.SharedInboxId;
        Channel = conversation.LastInboundChannel;
        TeamId = conversation.AssignedTeamId;
        OpenedAt = conversation.OpenedAt;
        ResolvedAt = resolvedAt;
        ResolvedBy = resolvedBy;
        ResolutionSeconds = Conversation.Seconds(conversation.OpenedAt, resolvedAt);
        WithBot = conversation.EpisodeWithBot;
        FirstInboundAt = conversation.EpisodeFirstInboundAt;
        HandedOverAt = conversation.EpisodeHandedOverAt;
        PickedUpAt = conversation.EpisodePickedUpAt;
        HandoverWaitSeconds = conversation.EpisodeHandoverWaitSeconds;
        FirstReplyAt = conversation.EpisodeFirstReplyAt;
        FirstResponderId = conversation.EpisodeFirstResponderId;
        FirstResponseSeconds = conversation.EpisodeFirstResponseSeconds;
        HumanReplies = conversation.EpisodeHumanReplies;
    }

    public Guid ConversationId { get; private set; }
    public Guid SharedInboxId { get; private set; }
    /// <summary>The channel the patient last wrote from in it (null: the patient never wrote).</summary>
    public ChannelKind? Channel { get; private set; }
    /// <summary>The team the conversation was assigned to when it was resolved.</summary>
    public Guid? TeamId { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    public DateTimeOffset ResolvedAt { get; private set; }
    /// <summary>Staff id (or API key actor id) that resolved it: resolution and CSAT are credited to them.</summary>
    public string? ResolvedBy { get; private set; }
    public int ResolutionSeconds { get; private set; }
    public bool WithBot { get; private set; }
    public DateTimeOffset? FirstInboundAt { get; private set; }
    public DateTimeOffset? HandedOverAt { get; private set; }
    public DateTimeOffset? PickedUpAt { get; private set; }
    public int? HandoverWaitSeconds { get; private set; }
    public DateTimeOffset? FirstReplyAt { get; private set; }
    public string? FirstResponderId { get; private set; }
    public int? FirstResponseSeconds { get; private set; }
    public int HumanReplies { get; private set; }
}
