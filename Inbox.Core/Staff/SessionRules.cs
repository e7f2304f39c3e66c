namespace Inbox.Core.Staff;

public enum SessionEnd
{
    Active,
    Idle,
    AbsoluteLimit,
    SignedOut,
    /// <summary>Ended for the person: an admin changed their role, reset their password, locked or disabled them, or they changed their password elsewhere.</summary>
    Revoked,
}

/// <summary>
/// When a staff session ends on its own: after a quiet spell (HIPAA's automatic logoff) or after an
/// absolute limit however busy it was. Times are passed in so the rule is testable with any clock.
/// </summary>
public sealed record SessionRules(TimeSpan IdleTimeout, TimeSpan AbsoluteLimit)
{
    public SessionEnd Evaluate(DateTimeOffset startedAt, DateTimeOffset lastActivityAt, DateTimeOffset now)
    {
        if (now - startedAt >= AbsoluteLimit) return SessionEnd.AbsoluteLimit;
        if (now - lastActivityAt >= IdleTimeout) return SessionEnd.Idle;
        return SessionEnd.Active;
    }
}
