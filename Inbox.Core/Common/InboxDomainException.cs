namespace Inbox.Core.Common;

/// <summary>An illegal move on an aggregate: the caller asked for something the rules forbid.</summary>
public class InboxDomainException(string message) : Exception(message);
