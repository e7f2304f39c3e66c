namespace Inbox.Core.Reports;

/// <summary>The reports page's figures, each counted by the database. The full dashboard grows here.</summary>
public interface IReportQueries
{
    /// <summary>Figures for one day: from <paramref name="dayStart"/> (inclusive) to <paramref name="dayEnd"/> (exclusive),
    /// the clinic's calendar day (23 or 25 hours when the clocks change).</summary>
    Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset dayStart, DateTimeOffset dayEnd, CancellationToken ct);
}

/// <param name="OpenConversations">Conversations waiting on the clinic now (status open).</param>
/// <param name="MessagesInToday">Patient messages that arrived today.</param>
/// <param name="MessagesOutToday">Messages the clinic sent patients today: staff, bot and API replies.</param>
public sealed record HeadlineFigures(int OpenConversations, int MessagesInToday, int MessagesOutToday);
