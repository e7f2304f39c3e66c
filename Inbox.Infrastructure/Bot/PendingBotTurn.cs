namespace Inbox.Infrastructure.Bot;

/// <summary>
/// A patient message the bot has yet to answer: a durable queue row written in the same transaction as the
/// message, so the bot runs after the commit, not inside the webhook request, and once per message (the id is
/// the message's; a redelivered webhook adds no message, so no turn). Deleted when the bot's answer is committed.
/// </summary>
internal sealed class PendingBotTurn
{
    private PendingBotTurn() { }

    public PendingBotTurn(Guid messageId, Guid conversationId, DateTimeOffset createdAt)
    {
        Id = messageId;
        ConversationId = conversationId;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid ConversationId { get; private set; }
    /// <summary>When the patient wrote: turns are taken in that order.</summary>
    public DateTimeOffset CreatedAt { get; private set; }
}
