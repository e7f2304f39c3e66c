using Inbox.Core.Common;

namespace Inbox.Core.Bot;

/// <summary>
/// One saved edition of an inbox's flow. Saving never changes an old version: a conversation records the
/// version it runs, so an edit applies from each conversation's next bot session.
/// </summary>
public sealed class BotFlowVersion : Entity
{
    private BotFlowVersion() { }

    public BotFlowVersion(Guid sharedInboxId, int version, BotFlow flow, string? createdBy, DateTimeOffset at)
    {
        SharedInboxId = sharedInboxId;
        Version = version;
        Flow = flow;
        CreatedBy = createdBy;
        CreatedAt = at;
    }

    public Guid SharedInboxId { get; private set; }
    public int Version { get; private set; }
    public BotFlow Flow { get; private set; } = new();
    /// <summary>Staff id of the admin who saved it; null for the seeded default.</summary>
    public string? CreatedBy { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
}
