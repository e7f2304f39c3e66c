using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>One row of the inbox list.</summary>
public sealed record ConversationListItem(
    Guid Id,
    Guid ContactId,
    string ContactName,
    ConversationStatus Status,
    HandledBy HandledBy,
    string? AssigneeId,
    Priority Priority,
    IReadOnlyList<ChannelKind> Channels,
    DateTimeOffset LastMessageAt,
    string? LastMessagePreview,
    int UnreadCount,
    DateTimeOffset? LastInboundAt,
    ChannelKind? LastInboundChannel,
    Guid? AssignedTeamId = null,
    string? AssigneeName = null,
    IReadOnlyList<LabelChip>? Labels = null,
    bool UnreadForMe = false,
    DateTimeOffset? SnoozedUntil = null,
    Guid SharedInboxId = default,
    DateTimeOffset? HandedOverAt = null)
{
    public IReadOnlyList<LabelChip> LabelChips => Labels ?? [];
}

/// <summary>A label as chips show it.</summary>
public sealed record LabelChip(Guid Id, string Name, string Color);

/// <summary>One message as the thread and the API show it.</summary>
public sealed record ThreadMessage(
    Guid Id,
    Guid ConversationId,
    MessageDirection Direction,
    ChannelKind Channel,
    string AccountId,
    MessageType Type,
    string? Text,
    DeliveryStatus Status,
    string? ErrorCode,
    string? ErrorReason,
    string? ProviderMessageId,
    MessageAuthor Author,
    DateTimeOffset CreatedAt,
    int SendAttempts,
    DateTimeOffset? NextAttemptAt,
    ThreadMedia? Media = null,
    MessageLocation? Location = null,
    MessageExtras? Extras = null,
    string? PatientReaction = null,
    string? ReplyToProviderMessageId = null,
    bool Unsent = false);

/// <summary>An attachment: served from local storage at `/media/{message id}` once <see cref="State"/> is Stored.</summary>
public sealed record ThreadMedia(string ProviderMediaId, string? MimeType, string? FileName, string? Caption, long? Size, bool IsVoice, MediaState State, string? Error);

/// <summary>A page of a keyset-paged list: pass <see cref="Next"/> back to get the following page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? Next);

/// <param name="ViewerId">Whose unread state the items carry (<see cref="ConversationListItem.UnreadForMe"/>); not a filter.</param>
/// <param name="Unassigned">Only conversations no person is assigned to.</param>
/// <param name="AccountId">The channel account (platform id) the patient last wrote to.</param>
public sealed record ConversationFilter(
    ConversationStatus? Status = null,
    string? AssigneeId = null,
    ChannelKind? Channel = null,
    Guid? ContactId = null,
    HandledBy? HandledBy = null,
    bool Unassigned = false,
    Guid? TeamId = null,
    Priority? Priority = null,
    Guid? LabelId = null,
    string? AccountId = null,
    string? ViewerId = null)
{
    /// <summary>A view of the inbox's left column for <paramref name="me"/>, narrowed by these filters.</summary>
    public ConversationFilter For(InboxView view, string me) => view switch
    {
        InboxView.Mine => this with { Status = ConversationStatus.Open, AssigneeId = me, Unassigned = false },
        InboxView.Unassigned => this with { Status = ConversationStatus.Open, AssigneeId = null, Unassigned = true },
        InboxView.AllOpen => this with { Status = ConversationStatus.Open },
        InboxView.Pending => this with { Status = ConversationStatus.Pending },
        InboxView.Snoozed => this with { Status = ConversationStatus.Snoozed },
        _ => this with { Status = ConversationStatus.Resolved },
    };
}

/// <summary>The inbox's views (left column), each with a live count.</summary>
public enum InboxView { Mine, Unassigned, AllOpen, Pending, Snoozed, Resolved }

public sealed record ContactIdentityView(ChannelKind Channel, string AccountId, string ExternalId, string? DisplayName);

public sealed record ContactView(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<ContactIdentityView> Identities, DateTimeOffset CreatedAt,
    DateOnly? DateOfBirth = null, int Version = 0);
