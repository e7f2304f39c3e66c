using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Core.Conversations;

namespace Inbox.Core.Csat;

/// <summary>What became of the survey due at a resolution.</summary>
public enum SurveyOutcome
{
    /// <summary>Queued to the patient on the conversation's channel (as a template when WhatsApp's window had closed).</summary>
    Sent,
    /// <summary>Not sent: the channel's window had closed and no approved template could carry it.</summary>
    NotSentWindowClosed,
    /// <summary>Not sent: the patient opted out of messages.</summary>
    NotSentOptedOut,
}

/// <summary>
/// The satisfaction survey of one resolution episode: sent (or why not), and the patient's answer (1–5, an
/// optional comment). Keyed by <see cref="ConversationId"/> like the other conversation-owned rows, so a
/// contact merge moves it; linked to the episode, the person who resolved it, the team and the channel.
/// </summary>
public sealed class CsatSurvey : Entity
{
    public const int CommentMaxLength = 2000;
    /// <summary>An answer later than this after the survey is an ordinary message.</summary>
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(7);

    private CsatSurvey() { }

    public CsatSurvey(ConversationEpisode episode, Guid sharedInboxId, ChannelKind channel, SurveyOutcome outcome, Guid? messageId, bool viaTemplate, DateTimeOffset at)
    {
        ConversationId = episode.ConversationId;
        EpisodeId = episode.Id;
        SharedInboxId = sharedInboxId;
        Channel = channel;
        AgentId = episode.ResolvedBy;
        TeamId = episode.TeamId;
        Outcome = outcome;
        MessageId = messageId;
        ViaTemplate = viaTemplate;
        CreatedAt = at;
    }

    public Guid ConversationId { get; private set; }
    public Guid EpisodeId { get; private set; }
    public Guid SharedInboxId { get; private set; }
    public ChannelKind Channel { get; private set; }
    /// <summary>Who resolved the episode: the answer is credited to them.</summary>
    public string? AgentId { get; private set; }
    public Guid? TeamId { get; private set; }
    public SurveyOutcome Outcome { get; private set; }
    /// <summary>The survey message (null when not sent).</summary>
    public Guid? MessageId { get; private set; }
    public bool ViaTemplate { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int? Rating { get; private set; }
    public string? Comment { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    /// <summary>The patient's message that carried the rating.</summary>
    public Guid? AnswerMessageId { get; private set; }

    public bool AwaitsRating(DateTimeOffset now) => Outcome == SurveyOutcome.Sent && Rating is null && now - CreatedAt <= AnswerWindow;

    public void Answer(int rating, string? comment, Guid messageId, DateTimeOffset at)
    {
        if (rating is < 1 or > 5) throw new InboxDomainException("A rating is 1 to 5.");
        if (Outcome != SurveyOutcome.Sent) throw new InboxDomainException("This survey was not sent.");
        if (Rating is not null) throw new InboxDomainException("This survey was answered already.");
        Rating = rating;
        AnsweredAt = at;
        AnswerMessageId = messageId;
        // Only inline (the words after the rating): a later message is always an ordinary message.
        if (string.IsNullOrWhiteSpace(comment)) return;
        var text = comment.Trim();
        Comment = text.Length <= CommentMaxLength ? text : text[..CommentMaxLength];
    }
}
