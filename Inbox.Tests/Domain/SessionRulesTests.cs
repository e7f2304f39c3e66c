using Inbox.Core.Staff;

namespace Inbox.Tests.Domain;

public sealed class SessionRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private readonly SessionRules _rules = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(12));

    [Fact]
    public void A_session_with_recent_activity_is_alive() =>
        Assert.Equal(SessionEnd.Active, _rules.Evaluate(Start, Start.AddMinutes(30), Start.AddMinutes(44)));

    [Fact]
    public void Fifteen_quiet_minutes_end_the_session() =>
        Assert.Equal(SessionEnd.Idle, _rules.Evaluate(Start, Start.AddMinutes(30), Start.AddMinutes(45)));

    [Fact]
    public void The_absolute_limit_ends_even_a_busy_session() =>
        Assert.Equal(SessionEnd.AbsoluteLimit, _rules.Evaluate(Start, Start.AddHours(12).AddMinutes(-1), Start.AddHours(12)));
}
