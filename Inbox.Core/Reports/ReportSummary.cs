using Inbox.Core.Channels;

namespace Inbox.Core.Reports;

/// <summary>Nearest-rank median and 90th percentile of a set of durations, in seconds (null: no values).</summary>
public sealed record Percentiles(int Count, int? Median, int? P90)
{
    public static Percentiles None { get; } = new(0, null, null);
}

/// <param name="SurveysSent">Surveys queued to patients in the period.</param>
/// <param name="Responses">Of those, answered with a rating.</param>
/// <param name="ResponseRate">Responses / surveys sent (null when none were sent).</param>
/// <param name="Satisfaction">(4s + 5s) / responses (null without responses).</param>
/// <param name="Distribution">Responses per rating, keys 1 to 5, all present.</param>
public sealed record CsatFigures(int SurveysSent, int Responses, double? ResponseRate, double? Satisfaction, IReadOnlyDictionary<int, int> Distribution);

/// <summary>The dashboard's headline figures and <c>GET /api/v1/reports/summary</c>; definitions in docs/metrics.md.</summary>
public sealed record ReportSummary(
    int Conversations,
    int MessagesIn,
    int MessagesOut,
    Percentiles FirstResponse,
    Percentiles Resolution,
    CsatFigures Csat,
    double? BotContainmentRate,
    double? HandoverRate,
    Percentiles HandoverWait);

/// <summary>One clinic day of the trends.</summary>
public sealed record TrendPoint(DateOnly Day, int Conversations, int? FirstResponseMedian, int? ResolutionMedian, int CsatResponses, double? Satisfaction);

/// <summary>A row of the per-person table: what was credited to <see cref="AgentId"/> in the period.</summary>
public sealed record AgentRow(string AgentId, string Name, int Replies, Percentiles FirstResponse, int Resolved, Percentiles Resolution, int CsatResponses, double? Satisfaction);

/// <summary>A row of the per-channel table.</summary>
public sealed record ChannelRow(ChannelKind Channel, int MessagesIn, int MessagesOut, Percentiles FirstResponse, int Resolved, Percentiles Resolution, int CsatResponses, double? Satisfaction);

/// <summary>A patient's rating, with their comment if any, newest first in the feed.</summary>
public sealed record CsatComment(Guid SurveyId, Guid ConversationId, string ContactName, ChannelKind Channel, string? AgentName, int Rating, string? Comment, DateTimeOffset AnsweredAt);

/// <summary>Which figure a drill-down lists the conversations of.</summary>
public enum ReportMetric { Conversations, FirstResponse, Resolution, CsatResponses, BotContained, HandedOver, HandoverWait }

/// <summary>A conversation behind a figure: the value it contributed (seconds, or a rating) and when.</summary>
public sealed record DrillRow(Guid ConversationId, string ContactName, ChannelKind? Channel, string? AgentName, DateTimeOffset At, int? Value);
