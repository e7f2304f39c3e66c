using Inbox.Core.Staff;

namespace Inbox.Infrastructure.Identity;

/// <summary>One sign-in, from password to sign-out. The cookie carries its id; the server decides whether it is still alive.</summary>
public sealed class StaffSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastActivityAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public SessionEnd? EndReason { get; set; }
    public string? IpAddress { get; set; }
}
