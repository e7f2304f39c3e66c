namespace Inbox.Core.Conversations;

/// <summary>
/// Which status changes a person (or the API) may make. The patient's own messages and the snooze timer move
/// conversations too, by their own rules in <see cref="Conversation"/>; these are the ones asked for.
/// </summary>
public static class StatusRules
{
    // from → the statuses a person may move it to
    private static readonly Dictionary<ConversationStatus, ConversationStatus[]> Allowed = new()
    {
        [ConversationStatus.Open] = [ConversationStatus.Pending, ConversationStatus.Snoozed, ConversationStatus.Resolved],
        [ConversationStatus.Pending] = [ConversationStatus.Open, ConversationStatus.Snoozed, ConversationStatus.Resolved],
        [ConversationStatus.Snoozed] = [ConversationStatus.Open, ConversationStatus.Pending, ConversationStatus.Resolved],
        // A resolved thread is done: only reopening it (or the patient writing) brings it back.
        [ConversationStatus.Resolved] = [ConversationStatus.Open],
    };

    public static bool IsAllowed(ConversationStatus from, ConversationStatus to) => Allowed[from].Contains(to);

    public static IReadOnlyList<ConversationStatus> From(ConversationStatus from) => Allowed[from];

    /// <summary>Throws <see cref="ConversationConflictException"/> with words a receptionist understands.</summary>
    public static void Check(ConversationStatus from, ConversationStatus to)
    {
        if (IsAllowed(from, to)) return;
        throw new ConversationConflictException(from == to
            ? $"The conversation is already {Word(to)}."
            : $"A {Word(from)} conversation cannot be made {Word(to)}; reopen it first.");
    }

    public static string Word(ConversationStatus status) => status.ToString().ToLowerInvariant();
}
