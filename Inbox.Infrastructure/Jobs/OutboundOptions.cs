namespace Inbox.Infrastructure.Jobs;

/// <summary>`Outbound`: how the durable outbound queue backs off when a platform is down.</summary>
public sealed class OutboundOptions
{
    public const string Section = "Outbound";

    /// <summary>The first retry waits this long; each further one waits twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>No wait between attempts is longer than this; the message is never dropped.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);
}
