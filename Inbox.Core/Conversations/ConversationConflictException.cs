namespace Inbox.Core.Conversations;

/// <summary>
/// A change the conversation's current state does not allow (resolving a resolved thread, snoozing into the past):
/// the API answers 409, the screens say why. Kept apart from <see cref="Inbox.Core.Common.InboxDomainException"/>,
/// which means "bad input" (400).
/// </summary>
public sealed class ConversationConflictException(string message) : Exception(message);
