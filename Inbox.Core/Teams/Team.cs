using Inbox.Core.Common;

namespace Inbox.Core.Teams;

/// <summary>
/// A group of staff (e.g. "Reception", "Nurses") serving one or more shared inboxes. Staff see the conversations
/// of the inboxes their teams serve; that is the whole visibility rule apart from admins, who see everything.
/// </summary>
public sealed class Team : Entity
{
    public const int NameMaxLength = 64;

    private readonly List<TeamMember> _members = [];
    private readonly List<TeamInbox> _inboxes = [];

    private Team() { }

    public Team(string name, DateTimeOffset createdAt)
    {
        Rename(name);
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public IReadOnlyList<TeamMember> Members => _members;
    public IReadOnlyList<TeamInbox> Inboxes => _inboxes;

    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new InboxDomainException($"A team needs a name of 1 to {NameMaxLength} characters.");
        Name = name.Trim();
    }

    public void AddMember(string staffId)
    {
        if (_members.All(m => m.StaffId != staffId)) _members.Add(new TeamMember(Id, staffId));
    }

    public void RemoveMember(string staffId) => _members.RemoveAll(m => m.StaffId == staffId);

    public void Serve(Guid sharedInboxId)
    {
        if (_inboxes.All(i => i.SharedInboxId != sharedInboxId)) _inboxes.Add(new TeamInbox(Id, sharedInboxId));
    }

    public void StopServing(Guid sharedInboxId) => _inboxes.RemoveAll(i => i.SharedInboxId == sharedInboxId);
}

/// <summary>A staff member (Identity user id) in a team.</summary>
public sealed record TeamMember(Guid TeamId, string StaffId);

/// <summary>A shared inbox a team serves.</summary>
public sealed record TeamInbox(Guid TeamId, Guid SharedInboxId);
