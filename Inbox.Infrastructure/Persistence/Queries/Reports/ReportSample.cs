using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Persistence.Queries.Reports;

/// <summary>
/// One value behind a figure, as the database projects it: a first response, a resolution, a pick-up, a rating or a
/// patient message, with whom it is credited to, its channel and when it happened. Sources build these in LINQ
/// (<see cref="ReportSources"/>); <see cref="SampleAggregates"/> ranks or counts them in SQL, never in memory.
/// </summary>
internal sealed class ReportSample
{
    public Guid ConversationId { get; init; }
    public string? Agent { get; init; }
    public ChannelKind? Channel { get; init; }
    /// <summary>The team it is credited to, where a source narrows by team after projecting (episode moments).</summary>
    public Guid? Team { get; init; }
    public DateTimeOffset At { get; init; }
    /// <summary>Seconds, or a rating (null where the figure is a count).</summary>
    public int? Value { get; init; }
}
