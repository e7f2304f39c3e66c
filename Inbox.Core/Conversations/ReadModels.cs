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
    ChannelKind? LastInboundChannel);

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

public sealed record ConversationFilter(
    ConversationStatus? Status = null,
    string? AssigneeId = null,
    ChannelKind? Channel = null,
    Guid? ContactId = null,
    HandledBy? HandledBy = null);

public sealed record ContactIdentityView(ChannelKind Channel, string AccountId, string ExternalId, string? DisplayName);

public sealed record ContactView(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<ContactIdentityView> Identities, DateTimeOffset CreatedAt,
    DateOnly? DateOfBirth = null, int Version = 0);
