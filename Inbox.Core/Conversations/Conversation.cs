using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>
/// A thread of care with one contact. Messages are their own rows (a thread can hold thousands);
/// the conversation keeps what the inbox list shows and guards status and ownership changes.
/// </summary>
public sealed partial class Conversation : AggregateRoot
{
    public const int PreviewLength = 140;

    private Conversation() { }

    public Conversation(Guid contactId, Guid sharedInboxId, DateTimeOffset createdAt)
    {
        ContactId = contactId;
        SharedInboxId = sharedInboxId;
        CreatedAt = createdAt;
        LastMessageAt = createdAt;
        Status = ConversationStatus.Open;
        HandledBy = HandledBy.Human;
        Priority = Priority.Normal;
        OpenedAt = createdAt;
    }

    public Guid ContactId { get; private set; }
    /// <summary>The shared inbox whose teams work this thread (from the channel account the patient first wrote to).</summary>
    public Guid SharedInboxId { get; private set; }
    public ConversationStatus Status { get; private set; }
    public HandledBy HandledBy { get; private set; }
    /// <summary>The staff member who owns the thread (Identity user id); null when unassigned.</summary>
    public string? AssigneeId { get; private set; }
    /// <summary>A team the thread is given to as a whole (with or without a person).</summary>
    public Guid? AssignedTeamId { get; private set; }
    /// <summary>While snoozed: when it wakes by itself; null means "until the patient writes".</summary>
    public DateTimeOffset? SnoozedUntil { get; private set; }
    /// <summary>When the current episode of work began (created, or reopened after a resolution): see <see cref="ConversationEpisode"/>.</summary>
    public DateTimeOffset OpenedAt { get; private set; }
    public Priority Priority { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastMessageAt { get; private set; }
    public string? LastMessagePreview { get; private set; }
    public MessageDirection? LastMessageDirection { get; private set; }
    /// <summary>The patient's last message: it opens the platforms' messaging windows.</summary>
    public DateTimeOffset? LastInboundAt { get; private set; }
    public ChannelKind? LastInboundChannel { get; private set; }
    /// <summary>The channel account (platform id) the patient last wrote to: the list filters by it.</summary>
    public string? LastInboundAccountId { get; private set; }
    /// <summary>Bit per <see cref="ChannelKind"/> the patient has written from in this thread.</summary>
    public int ChannelMask { get; private set; }
    public int UnreadCount { get; private set; }
    /// <summary>
    /// Set while a contact merge has folded this thread into the survivor's thread in the same inbox: its messages
    /// live there, and lists skip it. An unmerge clears it and the messages come back.
    /// </summary>
    public Guid? MergedIntoConversationId { get; private set; }

    public IEnumerable<ChannelKind> Channels =>
        Enum.GetValues<ChannelKind>().Where(c => (ChannelMask & (1 << (int)c)) != 0);

    /// <summary>A patient message arrived: bump the thread, count it unread, reopen it if it was resolved or snoozed.</summary>
    public void RecordInbound(Message message)
    {
        if (message.Direction != MessageDirection.In) throw new InboxDomainException("Not an inbound message.");
        UnreadCount++;
        ChannelMask |= 1 << (int)message.Channel;
        if (LastInboundAt is null || message.CreatedAt >= LastInboundAt)
        {
            LastInboundAt = message.CreatedAt;
            LastInboundChannel = message.Channel;
            LastInboundAccountId = message.AccountId;
        }
        // The patient writing again wakes a snoozed thread and starts a new episode on a resolved one.
        if (Status == ConversationStatus.Resolved) StartEpisode(message.CreatedAt);
        EpisodePatientWrote(message.CreatedAt);
        if (Status is ConversationStatus.Resolved or ConversationStatus.Snoozed)
        {
            Status = ConversationStatus.Open;
            SnoozedUntil = null;
        }
        Touch(message);
    }

    /// <summary>
    /// The patient answered the satisfaction survey of a resolved thread: their message is in the thread and opens the
    /// platforms' windows (the thanks can go), but the thread stays resolved, nobody has anything to read, and no episode starts.
    /// </summary>
    public void RecordSurveyAnswer(Message message)
    {
        if (message.Direction != MessageDirection.In) throw new InboxDomainException("Not an inbound message.");
        if (Status != ConversationStatus.Resolved) throw new InboxDomainException("Only a resolved conversation takes a survey answer.");
        ChannelMask |= 1 << (int)message.Channel;
        if (LastInboundAt is null || message.CreatedAt >= LastInboundAt)
        {
            LastInboundAt = message.CreatedAt;
            LastInboundChannel = message.Channel;
            LastInboundAccountId = message.AccountId;
        }
        Touch(message);
    }

    /// <summary>Done for now: closes the current episode and returns it for the reports.</summary>
    public ConversationEpisode Resolve(DateTimeOffset now, string? by)
    {
        StatusRules.Check(Status, ConversationStatus.Resolved);
        Status = ConversationStatus.Resolved;
        SnoozedUntil = null;
        var episode = new ConversationEpisode(this, now, by);
        ClearEpisodeFacts();
        return episode;
    }

    /// <summary>Back to work: a resolved thread starts a new episode; a pending or snoozed one carries on the current one.</summary>
    public void Reopen(DateTimeOffset now)
    {
        StatusRules.Check(Status, ConversationStatus.Open);
        if (Status == ConversationStatus.Resolved) StartEpisode(now);
        Status = ConversationStatus.Open;
        SnoozedUntil = null;
    }

    /// <summary>Waiting on the bot or on someone picking it up.</summary>
    public void MarkPending()
    {
        StatusRules.Check(Status, ConversationStatus.Pending);
        Status = ConversationStatus.Pending;
        SnoozedUntil = null;
    }

    /// <summary>Out of the way until <paramref name="until"/>, or until the patient writes when it is null.</summary>
    public void Snooze(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until is { } at && at <= now) throw new ConversationConflictException("A snooze must end in the future.");
        StatusRules.Check(Status, ConversationStatus.Snoozed);
        Status = ConversationStatus.Snoozed;
        SnoozedUntil = until;
    }

    /// <summary>The snooze timer: true when the thread woke up (its time came).</summary>
    public bool WakeIfDue(DateTimeOffset now)
    {
        if (Status != ConversationStatus.Snoozed || SnoozedUntil is not { } until || until > now) return false;
        Status = ConversationStatus.Open;
        SnoozedUntil = null;
        return true;
    }

    public void ChangePriority(Priority priority) => Priority = priority;

    /// <summary>
    /// To a person, a team, both, or (both null) nobody. The one way to give a thread to a person: from the bot it is a
    /// take-over (people own it, the bot goes silent), from the handover queue a take (open). Assigning a person to a
    /// resolved thread is allowed: it stays resolved, and the patient's next contact decides who answers.
    /// </summary>
    public void AssignTo(string? staffId, Guid? teamId, DateTimeOffset at)
    {
        if (staffId is not null && string.IsNullOrWhiteSpace(staffId)) throw new InboxDomainException("Choose who to assign it to.");
        if (staffId is not null && Status != ConversationStatus.Resolved)
        {
            if (HandledBy == HandledBy.Bot) TakeOver(staffId, at);
            else if (AwaitsPickup) Take(staffId, at);
        }
        AssigneeId = staffId;
        AssignedTeamId = teamId;
    }

    /// <summary>Staff or the bot queued a reply.</summary>
    public void RecordOutbound(Message message)
    {
        if (message.Direction != MessageDirection.Out) throw new InboxDomainException("Not an outbound message.");
        EpisodePersonReplied(message);
        Touch(message);
    }

    /// <summary>An event worth showing in the thread (a follow, a block) that is neither the patient's words nor a reply.</summary>
    public void RecordSystem(Message message)
    {
        if (message.Type != MessageType.System) throw new InboxDomainException("Not a system message.");
        Touch(message);
    }

    /// <summary>The patient unsent a message: if the list was previewing it, it must stop.</summary>
    public void ForgetPreviewOf(Message message)
    {
        if (message.CreatedAt == LastMessageAt && LastMessageDirection == MessageDirection.In) LastMessagePreview = "Message unsent";
    }

    public void MarkRead() => UnreadCount = 0;

    /// <summary>A merge folds this thread into <paramref name="survivor"/>; what it showed as unread stays unread there.</summary>
    public void FoldInto(Conversation survivor)
    {
        if (survivor.Id == Id) throw new InboxDomainException("A conversation cannot be folded into itself.");
        if (MergedIntoConversationId is not null) throw new InboxDomainException("This conversation was already folded into another one.");
        if (survivor.SharedInboxId != SharedInboxId) throw new InboxDomainException("Only threads of one shared inbox can be folded together.");
        MergedIntoConversationId = survivor.Id;
        survivor.UnreadCount += UnreadCount;
    }

    /// <summary>A contact merge (or its undo) hands the whole thread to the other record of the same patient.</summary>
    public void ReassignContact(Guid contactId) => ContactId = contactId;

    /// <summary>An unmerge gives the thread its messages back, and takes back the unread count the fold had added.</summary>
    public void Unfold(Conversation survivor)
    {
        if (MergedIntoConversationId != survivor.Id) throw new InboxDomainException("This conversation is not folded into that one.");
        MergedIntoConversationId = null;
        survivor.UnreadCount = Math.Max(0, survivor.UnreadCount - UnreadCount);
    }

    /// <summary>After messages moved in or out: the list fields are recomputed from the messages the thread now holds.</summary>
    public void Resummarize(ConversationSummary summary, int unreadCount)
    {
        LastMessageAt = summary.LastMessageAt ?? CreatedAt;
        LastMessageDirection = summary.LastMessageDirection;
        LastMessagePreview = summary.LastMessageText is null && summary.LastMessageType is null ? null
            : Preview(summary.LastMessageText, summary.LastMessageType ?? MessageType.Text);
        LastInboundAt = summary.LastInboundAt;
        LastInboundChannel = summary.LastInboundChannel;
        LastInboundAccountId = summary.LastInboundAccountId;
        ChannelMask = summary.InboundChannels.Aggregate(0, (mask, c) => mask | 1 << (int)c);
        UnreadCount = Math.Max(0, unreadCount);
    }

    private void Touch(Message message)
    {
        // Messages can arrive out of order (batches, retries): the list shows the newest one.
        if (message.CreatedAt < LastMessageAt && LastMessagePreview is not null) return;
        LastMessageAt = message.CreatedAt;
        LastMessageDirection = message.Direction;
        LastMessagePreview = Preview(message.Text, message.Type);
    }

    private static string Preview(string? text, MessageType type)
    {
        text ??= $"[{type.ToString().ToLowerInvariant()}]";
        return text.Length <= PreviewLength ? text : text[..PreviewLength];
    }
}

/// <summary>What the list shows about a thread, read from its messages (after a merge moved some in or out).</summary>
public sealed record ConversationSummary(
    DateTimeOffset? LastMessageAt, MessageDirection? LastMessageDirection, string? LastMessageText, MessageType? LastMessageType,
    DateTimeOffset? LastInboundAt, ChannelKind? LastInboundChannel, string? LastInboundAccountId, IReadOnlyList<ChannelKind> InboundChannels);
