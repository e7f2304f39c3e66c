using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries.Reports;

/// <summary>
/// The rows behind each figure, filtered by period, scope, channel, team and person exactly as docs/metrics.md
/// defines them. Everything here is an IQueryable: the database does the counting and ranking.
/// </summary>
internal sealed class ReportSources(InboxDbContext db, ReportFilter filter, InboxScope scope)
{
    private readonly DateTimeOffset _from = filter.From;
    private readonly DateTimeOffset _to = filter.To;

    /// <summary>Conversations a message filter is read through: the caller's, not folded, and the team's or person's now.</summary>
    private IQueryable<Conversation> Conversations(bool byAssignee)
    {
        var conversations = db.VisibleConversations(scope);
        if (filter.TeamId is { } team) conversations = conversations.Where(c => c.AssignedTeamId == team);
        if (byAssignee && filter.AgentId is { } agent) conversations = conversations.Where(c => c.AssigneeId == agent);
        return conversations;
    }

    private IQueryable<Message> MessagesOfPeriod(bool byAssignee)
    {
        var messages = db.Messages.AsNoTracking().Where(m => m.CreatedAt >= _from && m.CreatedAt < _to);
        if (filter.Channel is { } channel) messages = messages.Where(m => m.Channel == channel);
        // A folded thread's messages live in the survivor's thread, so with every inbox and no team or person to
        // check there is nothing to read on Conversations: the count stays on the (CreatedAt, Direction) index.
        if (!scope.SeesAll || filter.TeamId is not null || (byAssignee && filter.AgentId is not null))
        {
            var conversations = Conversations(byAssignee);
            messages = messages.Where(m => conversations.Any(c => c.Id == m.ConversationId));
        }
        return messages;
    }

    /// <summary>The patient's words (no system lines); with a person: those of the conversations assigned to them now.</summary>
    public IQueryable<Message> MessagesIn => MessagesOfPeriod(byAssignee: true).Where(Message.FromPatient);

    /// <summary>What went to the patient (no notes, no workflow lines); with a person: what they wrote.</summary>
    public IQueryable<Message> MessagesOut
    {
        get
        {
            var messages = MessagesOfPeriod(byAssignee: false).Where(Message.ToPatient);
            return filter.AgentId is { } agent ? messages.Where(m => m.AuthorId == agent) : messages;
        }
    }

    /// <summary>
    /// Messages in and out in one read, when they are filtered alike (no person: a person's "in" and "out" select
    /// different rows). Null with a person filter. Notes are always outbound, system lines never count.
    /// </summary>
    public IQueryable<Message>? BothWays => filter.AgentId is null
        ? MessagesOfPeriod(byAssignee: false).Where(m => m.Type != MessageType.System && (m.Direction == MessageDirection.In || m.Type != MessageType.Note))
        : null;

    public IQueryable<ReportSample> PatientMessages => MessagesIn.Select(m => new ReportSample { ConversationId = m.ConversationId, Agent = null, Channel = m.Channel, At = m.CreatedAt, Value = null });

    /// <summary>First human replies in the period: finished episodes and the current ones, credited to who replied.</summary>
    public IQueryable<ReportSample> FirstResponses => EpisodeMoments(
        db.VisibleEpisodes(scope).Where(e => e.FirstReplyAt >= _from && e.FirstReplyAt < _to && e.FirstResponseSeconds != null)
            .Select(e => new ReportSample { ConversationId = e.ConversationId, Agent = e.FirstResponderId, Channel = e.Channel, Team = e.TeamId, At = e.FirstReplyAt!.Value, Value = e.FirstResponseSeconds }),
        Conversations(byAssignee: false).Where(c => c.EpisodeFirstReplyAt >= _from && c.EpisodeFirstReplyAt < _to && c.EpisodeFirstResponseSeconds != null)
            .Select(c => new ReportSample { ConversationId = c.Id, Agent = c.EpisodeFirstResponderId, Channel = c.LastInboundChannel, Team = c.AssignedTeamId, At = c.EpisodeFirstReplyAt!.Value, Value = c.EpisodeFirstResponseSeconds }));

    /// <summary>
    /// A moment of an episode (a first reply, a pick-up) from the finished episodes and the current ones, narrowed by
    /// the filter on each side before they are joined (so each side stays an index range): the channel and the person
    /// as each side credits them; the team is the finished episode's (the current side is already limited by
    /// <see cref="Conversations"/>).
    /// </summary>
    private IQueryable<ReportSample> EpisodeMoments(IQueryable<ReportSample> finished, IQueryable<ReportSample> current)
    {
        if (filter.TeamId is { } team) finished = finished.Where(s => s.Team == team);
        return Narrow(finished).Concat(Narrow(current));

        IQueryable<ReportSample> Narrow(IQueryable<ReportSample> samples)
        {
            if (filter.Channel is { } channel) samples = samples.Where(s => s.Channel == channel);
            if (filter.AgentId is { } agent) samples = samples.Where(s => s.Agent == agent);
            return samples;
        }
    }

    /// <summary>Episodes resolved in the period, credited to who resolved them.</summary>
    public IQueryable<ConversationEpisode> Resolved
    {
        get
        {
            var episodes = db.VisibleEpisodes(scope).Where(e => e.ResolvedAt >= _from && e.ResolvedAt < _to);
            if (filter.Channel is { } channel) episodes = episodes.Where(e => e.Channel == channel);
            if (filter.TeamId is { } team) episodes = episodes.Where(e => e.TeamId == team);
            if (filter.AgentId is { } agent) episodes = episodes.Where(e => e.ResolvedBy == agent);
            return episodes;
        }
    }

    public IQueryable<ReportSample> Resolutions => Resolved.Select(e => new ReportSample { ConversationId = e.ConversationId, Agent = e.ResolvedBy, Channel = e.Channel, At = e.ResolvedAt, Value = e.ResolutionSeconds });

    /// <summary>Handovers picked up in the period (finished episodes and current ones): who has the episode is its resolver, or the assignee now.</summary>
    public IQueryable<ReportSample> PickUps => EpisodeMoments(
        db.VisibleEpisodes(scope).Where(e => e.PickedUpAt >= _from && e.PickedUpAt < _to && e.HandoverWaitSeconds != null)
            .Select(e => new ReportSample { ConversationId = e.ConversationId, Agent = e.ResolvedBy, Channel = e.Channel, Team = e.TeamId, At = e.PickedUpAt!.Value, Value = e.HandoverWaitSeconds }),
        Conversations(byAssignee: false).Where(c => c.EpisodePickedUpAt >= _from && c.EpisodePickedUpAt < _to && c.EpisodeHandoverWaitSeconds != null)
            .Select(c => new ReportSample { ConversationId = c.Id, Agent = c.AssigneeId, Channel = c.LastInboundChannel, Team = c.AssignedTeamId, At = c.EpisodePickedUpAt!.Value, Value = c.EpisodeHandoverWaitSeconds }));

    /// <summary>Surveys due at resolutions in the period (sent or not), credited to who resolved the episode.</summary>
    public IQueryable<CsatSurvey> Surveys
    {
        get
        {
            var surveys = db.VisibleSurveys(scope).Where(s => s.CreatedAt >= _from && s.CreatedAt < _to);
            if (filter.Channel is { } channel) surveys = surveys.Where(s => s.Channel == channel);
            if (filter.TeamId is { } team) surveys = surveys.Where(s => s.TeamId == team);
            if (filter.AgentId is { } agent) surveys = surveys.Where(s => s.AgentId == agent);
            return surveys;
        }
    }

    /// <summary>The ratings (answered surveys of the period): Value is the score, At when the patient answered.</summary>
    public IQueryable<ReportSample> Ratings => Surveys.Where(s => s.Rating != null)
        .Select(s => new ReportSample { ConversationId = s.ConversationId, Agent = s.AgentId, Channel = s.Channel, At = s.CreatedAt, Value = s.Rating });
}
