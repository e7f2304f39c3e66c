namespace Inbox.Core.Common;

/// <summary>Something that happened inside an aggregate that other parts of the app react to.</summary>
public interface IDomainEvent;
