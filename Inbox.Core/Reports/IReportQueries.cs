using Inbox.Core.Teams;

namespace Inbox.Core.Reports;

/// <summary>
/// The reports: every figure is computed by the database (counts, and percentiles by rank), over the rows the
/// caller's <see cref="InboxScope"/> allows. Definitions: docs/metrics.md.
/// </summary>
public interface IReportQueries
{
    /// <summary>Figures for one day: from <paramref name="dayStart"/> (inclusive) to <paramref name="dayEnd"/> (exclusive),
    /// the clinic's calendar day (23 or 25 hours when the clocks change).</summary>
    Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct);

    Task<ReportSummary> SummaryAsync(ReportFilter filter, InboxScope scope, CancellationToken ct);

    /// <summary>One point per clinic day of the period (<paramref name="zone"/> says where days start).</summary>
    Task<IReadOnlyList<TrendPoint>> TrendAsync(ReportFilter filter, TimeZoneInfo zone, InboxScope scope, CancellationToken ct);

    Task<IReadOnlyList<AgentRow>> ByAgentAsync(ReportFilter filter, InboxScope scope, CancellationToken ct);

    Task<IReadOnlyList<ChannelRow>> ByChannelAsync(ReportFilter filter, InboxScope scope, CancellationToken ct);

    /// <summary>Answered surveys newest first; <paramref name="rating"/> narrows to one score.</summary>
    Task<IReadOnlyList<CsatComment>> CommentsAsync(ReportFilter filter, InboxScope scope, int? rating, int limit, CancellationToken ct);

    /// <summary>The conversations behind a figure, worst first for durations and ratings (<paramref name="rating"/> narrows CSAT to one score).</summary>
    Task<IReadOnlyList<DrillRow>> DrillAsync(ReportFilter filter, ReportMetric metric, int? rating, InboxScope scope, int limit, CancellationToken ct);
}

/// <param name="OpenConversations">Conversations waiting on the clinic now (status open).</param>
/// <param name="MessagesInToday">Patient messages that arrived today.</param>
/// <param name="MessagesOutToday">Messages the clinic sent patients today: staff, bot and API replies.</param>
public sealed record HeadlineFigures(int OpenConversations, int MessagesInToday, int MessagesOutToday);
