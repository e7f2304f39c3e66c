namespace Inbox.Core.Conversations;

/// <summary>
/// What the reports need to know about the current episode, recorded as it happens so no report re-reads the
/// messages: when the patient first wrote, whether the bot had it, the handover and its pick-up, the first human
/// reply. <see cref="Resolve"/> copies them into the <see cref="ConversationEpisode"/> row and starts afresh.
/// Durations are whole seconds, computed once here; definitions in docs/metrics.md.
/// </summary>
public sealed partial class Conversation
{
    /// <summary>The bot had the conversation when the patient first wrote in this episode.</summary>
    public bool EpisodeWithBot { get; private set; }
    public DateTimeOffset? EpisodeFirstInboundAt { get; private set; }
    /// <summary>The first handover from the bot to people in this episode.</summary>
    public DateTimeOffset? EpisodeHandedOverAt { get; private set; }
    /// <summary>When a person took that handover (from the queue, by assignment or by replying).</summary>
    public DateTimeOffset? EpisodePickedUpAt { get; private set; }
    public int? EpisodeHandoverWaitSeconds { get; private set; }
    public DateTimeOffset? EpisodeFirstReplyAt { get; private set; }
    /// <summary>Who sent the first human reply: first response time is credited to them.</summary>
    public string? EpisodeFirstResponderId { get; private set; }
    /// <summary>From the patient's first message (or the handover, when the bot had it) to the first human reply.</summary>
    public int? EpisodeFirstResponseSeconds { get; private set; }
    /// <summary>Messages people sent the patient in this episode (none: the bot contained it).</summary>
    public int EpisodeHumanReplies { get; private set; }

    private void StartEpisode(DateTimeOffset at)
    {
        OpenedAt = at;
        ClearEpisodeFacts();
    }

    private void ClearEpisodeFacts()
    {
        EpisodeWithBot = false;
        EpisodeFirstInboundAt = null;
        EpisodeHandedOverAt = null;
        EpisodePickedUpAt = null;
        EpisodeHandoverWaitSeconds = null;
        EpisodeFirstReplyAt = null;
        EpisodeFirstResponderId = null;
        EpisodeFirstResponseSeconds = null;
        EpisodeHumanReplies = 0;
    }

    private void EpisodePatientWrote(DateTimeOffset at)
    {
        if (EpisodeFirstInboundAt is not null) return;
        EpisodeFirstInboundAt = at;
        EpisodeWithBot = HandledBy == HandledBy.Bot;
    }

    private void EpisodeHandedOver(DateTimeOffset at) => EpisodeHandedOverAt ??= at;

    private void EpisodePickedUp(DateTimeOffset at)
    {
        if (EpisodeHandedOverAt is not { } handedOver || EpisodePickedUpAt is not null) return;
        EpisodePickedUpAt = at;
        EpisodeHandoverWaitSeconds = Seconds(handedOver, at);
    }

    private void EpisodePersonReplied(Message message)
    {
        if (message.AuthorKind != AuthorKind.Agent) return;
        EpisodeHumanReplies++;
        EpisodePickedUp(message.CreatedAt);
        // The clinic writing first (a reminder) responds to nothing: the first response is the first reply once the patient waits.
        var waitingSince = EpisodeWithBot && EpisodeHandedOverAt is { } handedOver ? handedOver : EpisodeFirstInboundAt;
        if (EpisodeFirstReplyAt is not null || waitingSince is not { } since) return;
        EpisodeFirstReplyAt = message.CreatedAt;
        EpisodeFirstResponderId = message.AuthorId;
        EpisodeFirstResponseSeconds = Seconds(since, message.CreatedAt);
    }

    /// <summary>Whole seconds from one moment to a later one (never negative): every duration the reports rank.</summary>
    internal static int Seconds(DateTimeOffset from, DateTimeOffset to) => (int)Math.Max(0, Math.Round((to - from).TotalSeconds));
}
