using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

/// <param name="Labels">Always empty until labels land; present so clients can rely on the field.</param>
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
    DateTime? LastInboundAt)
{
    public static ConversationResponse From(ConversationListItem c) => new(
        c.Id, c.ContactId, c.ContactName, c.Status, c.HandledBy, c.AssigneeId, c.Priority, [], c.Channels,
        c.LastMessageAt.UtcDateTime, c.LastMessagePreview, c.UnreadCount, c.LastInboundAt?.UtcDateTime);
}
