namespace Inbox.Core.Audit;

/// <summary>
/// The actions the audit log records, each with the words the audit screen shows for it. New actions go
/// here so the screen can offer them as a filter; an action missing here still shows under its raw name.
/// </summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked-out";
    public const string SignOut = "signout";
    public const string ConversationList = "conversation.list";
    public const string ConversationRead = "conversation.read";
    public const string MessagesRead = "conversation.messages.read";
    public const string MessageSend = "conversation.message.send";
    public const string MessageRetry = "conversation.message.retry";
    public const string ContactList = "contact.list";
    public const string ContactRead = "contact.read";
    public const string ApiKeyCreate = "apikey.create";
    public const string ApiKeyRevoke = "apikey.revoke";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [SignInSucceeded] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [SignInLockedOut] = "Sign-in refused: account locked",
        [SignOut] = "Signed out",
        [ConversationList] = "Listed conversations",
        [ConversationRead] = "Opened a conversation",
        [MessagesRead] = "Read a conversation's messages",
        [MessageSend] = "Sent a reply",
        [MessageRetry] = "Retried a failed reply",
        [ContactList] = "Listed patients",
        [ContactRead] = "Viewed a patient's details",
        [ApiKeyCreate] = "Created an API key",
        [ApiKeyRevoke] = "Revoked an API key",
    };

    public static IReadOnlyCollection<string> Known => Descriptions.Keys;

    /// <summary>"Opened a conversation" for "conversation.read"; the raw name for an action not listed here.</summary>
    public static string Describe(string action) => Descriptions.GetValueOrDefault(action, action);
}

/// <summary>The kinds of record audit entries name as their subject.</summary>
public static class AuditSubjects
{
    public const string Conversation = "conversation";
    public const string Contact = "contact";
    public const string Staff = "staff";
    public const string ApiKey = "apiKey";

    public static IReadOnlyList<string> Known { get; } = [Conversation, Contact, Staff, ApiKey];
}
