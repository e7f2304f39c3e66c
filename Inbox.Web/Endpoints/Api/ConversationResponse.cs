using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

/// <param name="Labels">Label names.</param>
/// <param name="SnoozedUntil">While snoozed: when it wakes by itself (null: when the patient writes).</param>
public sealed record ConversationResponse(
    Guid Id,
    Guid ContactId,
    string ContactName,
    ConversationStatus Status,
    HandledBy HandledBy,
    string? AssigneeId,
    Priority Priority,
    IReadOnlyList<string> Labels,
    IReadOnlyList<ChannelKind> Channels,
    DateTime LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    DateTime? LastInboundAt,
    Guid? AssignedTeamId = null,
    DateTime? SnoozedUntil = null)
{
    public static ConversationResponse From(ConversationListItem c) => new(
        c.Id, c.ContactId, c.ContactName, c.Status, c.HandledBy, c.AssigneeId, c.Priority, c.LabelChips.Select(l => l.Name).ToList(), c.Channels,
        c.LastMessageAt.UtcDateTime, c.LastMessagePreview, c.UnreadCount, c.LastInboundAt?.UtcDateTime, c.AssignedTeamId, c.SnoozedUntil?.UtcDateTime);
}
