using Inbox.Core.Common;

namespace Inbox.Core.Teams;

/// <summary>
/// A shared inbox: the conversations of one or more channel accounts, worked by the teams that serve it
/// (e.g. "Front desk" for the main number and page, "Nurse line" for the LINE account). Per-inbox settings
/// (bot flow, business hours, surveys) hang off it.
/// </summary>
public sealed class SharedInbox : Entity
{
    public const int NameMaxLength = 64;

    private SharedInbox() { }

    public SharedInbox(string name, DateTimeOffset createdAt)
    {
        Rename(name);
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>New conversations start with the inbox's bot (its latest flow version); off, people answer everything.</summary>
    public bool BotEnabled { get; private set; }

    public void EnableBot(bool enabled) => BotEnabled = enabled;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new InboxDomainException($"An inbox needs a name of 1 to {NameMaxLength} characters.");
        Name = name.Trim();
    }
}
