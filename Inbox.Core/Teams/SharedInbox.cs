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

    /// <summary>New and reopened unassigned conversations go round-robin to the online members of the teams serving this inbox.</summary>
    public bool AutoAssign { get; private set; }
    /// <summary>Most open conversations round-robin gives one person (null: no limit). Manual assignment ignores it.</summary>
    public int? MaxOpenPerAgent { get; private set; }
    /// <summary>A person may reply only to conversations assigned to them (API keys: only to assigned ones).</summary>
    public bool RequireAssignmentToReply { get; private set; }

    public void ConfigureAssignment(bool autoAssign, int? maxOpenPerAgent, bool requireAssignmentToReply)
    {
        if (maxOpenPerAgent is < 1 or > 500) throw new InboxDomainException("The limit of open conversations per person is 1 to 500, or empty for no limit.");
        AutoAssign = autoAssign;
        MaxOpenPerAgent = maxOpenPerAgent;
        RequireAssignmentToReply = requireAssignmentToReply;
    }

    /// <summary>A satisfaction survey (1–5) goes to the patient when a person resolves a conversation, once per episode.</summary>
    public bool CsatEnabled { get; private set; }
    /// <summary>The approved WhatsApp template that carries the survey when the 24-hour window has closed (null: not sent then).</summary>
    public string? CsatTemplateName { get; private set; }

    public void ConfigureCsat(bool enabled, string? templateName)
    {
        CsatEnabled = enabled;
        CsatTemplateName = string.IsNullOrWhiteSpace(templateName) ? null : templateName.Trim();
    }

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new InboxDomainException($"An inbox needs a name of 1 to {NameMaxLength} characters.");
        Name = name.Trim();
    }
}
