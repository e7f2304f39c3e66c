using Inbox.Core.Channels;

namespace Inbox.Core.Conversations;

/// <summary>
/// The parts of a message that are lists or nested shapes, stored together as one JSON column: the choices
/// we offered, the one the patient tapped, shared contact cards, the template we used, whether a bot message announces a handover (it may leave after people own the thread).
/// </summary>
public sealed record MessageExtras(
    IReadOnlyList<MessageChoice>? Choices = null,
    InboundChoice? Chosen = null,
    IReadOnlyList<SharedContact>? Contacts = null,
    OutboundTemplate? Template = null,
    bool HandoverNotice = false)
{
    public bool IsEmpty => Choices is null && Chosen is null && Contacts is null && Template is null && !HandoverNotice;
}

/// <summary>Where an inbound attachment is on its way into local storage.</summary>
public enum MediaState
{
    /// <summary>Waiting for (another) download attempt.</summary>
    Pending,
    Stored,
    /// <summary>Refused by our rules (size, type, checksum): kept out for good, with the reason.</summary>
    Rejected,
    /// <summary>The platform cannot give it any more (expired, deleted).</summary>
    Failed,
}
