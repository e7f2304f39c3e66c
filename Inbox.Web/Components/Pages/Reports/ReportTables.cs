using System.Globalization;
using Inbox.Core.Reports;

namespace Inbox.Web.Components.Pages.Reports;

/// <summary>The columns of the per-person, per-channel, comment and drill-down tables (screen and CSV).</summary>
public static class ReportTables
{
    public const string Agents = "per-person", Channels = "per-channel", Comments = "comments", Drill = "drill-down";

    private static string? Invariant(IFormattable? value) => value?.ToString(null, CultureInfo.InvariantCulture);
    private static string? Fraction(double? rate) => rate?.ToString("0.####", CultureInfo.InvariantCulture);

    public static IReadOnlyList<ReportColumn<AgentRow>> AgentColumns { get; } =
    [
        new("name", "Person", r => r.Name, r => r.Name, r => r.Name, Numeric: false),
        new("replies", "Replies", r => r.Replies, r => ReportFormat.Count(r.Replies), r => Invariant(r.Replies)),
        new("first-response", "Median first response", r => r.FirstResponse.Median, r => ReportFormat.Duration(r.FirstResponse.Median), r => Invariant(r.FirstResponse.Median),
            (r, q) => new DrillRequest(q with { PersonId = r.AgentId }, ReportMetric.FirstResponse, null, $"First responses by {r.Name}")),
        new("first-response-p90", "First response p90", r => r.FirstResponse.P90, r => ReportFormat.Duration(r.FirstResponse.P90), r => Invariant(r.FirstResponse.P90)),
        new("resolved", "Resolved", r => r.Resolved, r => ReportFormat.Count(r.Resolved), r => Invariant(r.Resolved),
            (r, q) => new DrillRequest(q with { PersonId = r.AgentId }, ReportMetric.Resolution, null, $"Conversations resolved by {r.Name}")),
        new("resolution", "Median resolution", r => r.Resolution.Median, r => ReportFormat.Duration(r.Resolution.Median), r => Invariant(r.Resolution.Median),
            (r, q) => new DrillRequest(q with { PersonId = r.AgentId }, ReportMetric.Resolution, null, $"Conversations resolved by {r.Name}")),
        new("csat-responses", "Ratings", r => r.CsatResponses, r => ReportFormat.Count(r.CsatResponses), r => Invariant(r.CsatResponses),
            (r, q) => new DrillRequest(q with { PersonId = r.AgentId }, ReportMetric.CsatResponses, null, $"Ratings for {r.Name}")),
        new("satisfaction", "Satisfaction", r => r.Satisfaction, r => ReportFormat.Percent(r.Satisfaction), r => Fraction(r.Satisfaction),
            (r, q) => new DrillRequest(q with { PersonId = r.AgentId }, ReportMetric.CsatResponses, null, $"Ratings for {r.Name}")),
    ];

    public static IReadOnlyList<ReportColumn<ChannelRow>> ChannelColumns { get; } =
    [
        new("channel", "Channel", r => r.Channel.ToString(), r => r.Channel.ToString(), r => r.Channel.ToString(), Numeric: false),
        new("messages-in", "Messages in", r => r.MessagesIn, r => ReportFormat.Count(r.MessagesIn), r => Invariant(r.MessagesIn),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.Conversations, null, $"Conversations on {r.Channel}")),
        new("messages-out", "Messages out", r => r.MessagesOut, r => ReportFormat.Count(r.MessagesOut), r => Invariant(r.MessagesOut)),
        new("first-response", "Median first response", r => r.FirstResponse.Median, r => ReportFormat.Duration(r.FirstResponse.Median), r => Invariant(r.FirstResponse.Median),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.FirstResponse, null, $"First responses on {r.Channel}")),
        new("first-response-p90", "First response p90", r => r.FirstResponse.P90, r => ReportFormat.Duration(r.FirstResponse.P90), r => Invariant(r.FirstResponse.P90)),
        new("resolved", "Resolved", r => r.Resolved, r => ReportFormat.Count(r.Resolved), r => Invariant(r.Resolved),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.Resolution, null, $"Conversations resolved on {r.Channel}")),
        new("resolution", "Median resolution", r => r.Resolution.Median, r => ReportFormat.Duration(r.Resolution.Median), r => Invariant(r.Resolution.Median),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.Resolution, null, $"Conversations resolved on {r.Channel}")),
        new("csat-responses", "Ratings", r => r.CsatResponses, r => ReportFormat.Count(r.CsatResponses), r => Invariant(r.CsatResponses),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.CsatResponses, null, $"Ratings on {r.Channel}")),
        new("satisfaction", "Satisfaction", r => r.Satisfaction, r => ReportFormat.Percent(r.Satisfaction), r => Fraction(r.Satisfaction),
            (r, q) => new DrillRequest(q with { Channel = r.Channel }, ReportMetric.CsatResponses, null, $"Ratings on {r.Channel}")),
    ];

    public static IReadOnlyList<ReportColumn<CsatComment>> CommentColumns { get; } =
    [
        new("answered-at", "Answered", r => r.AnsweredAt, r => r.AnsweredAt.ToString("u", CultureInfo.InvariantCulture), r => r.AnsweredAt.ToString("O", CultureInfo.InvariantCulture)),
        new("rating", "Rating", r => r.Rating, r => Invariant(r.Rating)!, r => Invariant(r.Rating)),
        new("comment", "Comment", r => r.Comment, r => r.Comment ?? "", r => r.Comment, Numeric: false),
        new("patient", "Patient", r => r.ContactName, r => r.ContactName, r => r.ContactName, Numeric: false),
        new("channel", "Channel", r => r.Channel.ToString(), r => r.Channel.ToString(), r => r.Channel.ToString(), Numeric: false),
        new("person", "Resolved by", r => r.AgentName, r => r.AgentName ?? "", r => r.AgentName, Numeric: false),
        new("conversation", "Conversation", r => r.ConversationId, r => r.ConversationId.ToString(), r => r.ConversationId.ToString(), Numeric: false),
    ];

    /// <summary>The drill-down list; its value column says what the figure measured (seconds or a rating).</summary>
    public static IReadOnlyList<ReportColumn<DrillRow>> DrillColumns(ReportMetric metric) =>
    [
        new("patient", "Patient", r => r.ContactName, r => r.ContactName, r => r.ContactName, Numeric: false),
        new("channel", "Channel", r => r.Channel?.ToString(), r => r.Channel?.ToString() ?? "", r => r.Channel?.ToString(), Numeric: false),
        new("person", "Person", r => r.AgentName, r => r.AgentName ?? "", r => r.AgentName, Numeric: false),
        new("at", "When", r => r.At, r => r.At.ToString("u", CultureInfo.InvariantCulture), r => r.At.ToString("O", CultureInfo.InvariantCulture)),
        new("value", ValueHeader(metric), r => r.Value, r => DrillValue(metric, r.Value), r => Invariant(r.Value)),
        new("conversation", "Conversation", r => r.ConversationId, r => r.ConversationId.ToString(), r => r.ConversationId.ToString(), Numeric: false),
    ];

    public static string ValueHeader(ReportMetric metric) => metric switch
    {
        ReportMetric.FirstResponse => "First response (s)",
        ReportMetric.Resolution => "Resolution (s)",
        ReportMetric.HandoverWait => "Handover wait (s)",
        ReportMetric.CsatResponses => "Rating",
        _ => "Value",
    };

    public static string DrillValue(ReportMetric metric, int? value) => metric switch
    {
        ReportMetric.FirstResponse or ReportMetric.Resolution or ReportMetric.HandoverWait => ReportFormat.Duration(value),
        _ => value?.ToString(CultureInfo.CurrentCulture) ?? ReportFormat.None,
    };
}
