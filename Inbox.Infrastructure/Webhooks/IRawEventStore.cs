using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Webhooks;

public enum AppendOutcome { Stored, Duplicate }

/// <summary>Appends signed webhook bodies durably: when the task completes, the body is committed.</summary>
public interface IRawEventStore
{
    Task<AppendOutcome> AppendAsync(ChannelKind channel, byte[] body, CancellationToken ct);
}
