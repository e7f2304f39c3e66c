namespace Inbox.Core.Common;

/// <summary>Base of every persisted entity. Ids are version 7 GUIDs: unique without a round trip and
/// roughly time-ordered, so new rows land at the end of clustered indexes.</summary>
public abstract class Entity
{
    public Guid Id { get; protected init; } = Guid.CreateVersion7();
}
