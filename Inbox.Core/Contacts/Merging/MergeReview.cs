using Inbox.Core.Channels;
using Inbox.Core.Teams;

namespace Inbox.Core.Contacts.Merging;

/// <summary>One side of the side-by-side review: everything that would move.</summary>
public sealed record MergeCandidate(
    Guid Id,
    ContactDetails Details,
    DateTimeOffset DetailsVerifiedAt,
    int Version,
    DateTimeOffset CreatedAt,
    IReadOnlyList<MergeCandidateIdentity> Identities,
    IReadOnlyList<MergeCandidateConversation> Conversations,
    /// <summary>Other records that follow the patient, by kind ("Labels", "Notes", "Appointments" …) with their count.</summary>
    IReadOnlyList<MergeCandidateRecords> Records);

public sealed record MergeCandidateIdentity(ChannelKind Channel, string AccountId, string? DisplayName, string ExternalId);

public sealed record MergeCandidateConversation(Guid Id, string InboxName, int MessageCount, DateTimeOffset LastMessageAt, string? LastMessagePreview);

public sealed record MergeCandidateRecords(string Kind, int Count);

/// <summary>A merge as the contact's history shows it.</summary>
public sealed record MergeHistoryItem(Guid Id, Guid SurvivorId, Guid MergedId, string MergedName, DateTimeOffset MergedAt, string MergedBy,
    DateTimeOffset? UndoneAt, string? UndoneBy, IReadOnlyList<FieldDecision> Decisions);

/// <summary>A pair of contacts that look like one person, for the review queue.</summary>
public sealed record DuplicatePair(Guid FirstId, string FirstName, Guid SecondId, string SecondName, double Score, IReadOnlyList<string> Reasons);

/// <summary>What the merge screens read.</summary>
public interface IMergeReview
{
    /// <returns>Null when the contact is unknown, merged away or outside the caller's inboxes.</returns>
    Task<MergeCandidate?> CandidateAsync(InboxScope scope, Guid contactId, CancellationToken ct);

    /// <summary>Merges this contact took part in, newest first.</summary>
    Task<IReadOnlyList<MergeHistoryItem>> HistoryAsync(InboxScope scope, Guid contactId, CancellationToken ct);

    /// <summary>Likely duplicate pairs (score at least <paramref name="minScore"/>), best first, without dismissed pairs.</summary>
    Task<IReadOnlyList<DuplicatePair>> QueueAsync(InboxScope scope, double minScore, int limit, CancellationToken ct);

    /// <summary>The thread a merge folded <paramref name="conversationId"/> into, when the caller may see it.</summary>
    Task<Guid?> FoldedIntoAsync(InboxScope scope, Guid conversationId, CancellationToken ct);

    /// <returns>Null when unknown, or when the surviving contact is outside the caller's inboxes.</returns>
    Task<ContactMerge?> MergeAsync(InboxScope scope, Guid mergeId, CancellationToken ct);

    /// <summary>The survivor a merged-away contact now lives on (following chains), or null when it was not merged.</summary>
    Task<Guid?> MergedIntoAsync(Guid contactId, CancellationToken ct);
}

/// <summary>"Not the same person": a receptionist's answer that stops suggesting the pair.</summary>
public interface IDuplicateDismissals
{
    Task DismissAsync(InboxScope scope, Guid firstId, Guid secondId, string staffId, CancellationToken ct);
}
