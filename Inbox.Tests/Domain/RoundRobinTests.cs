using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

public sealed class RoundRobinTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_online_people_get_work()
    {
        var pick = RoundRobin.Pick([new AgentLoad("away", false, 0, null), new AgentLoad("here", true, 5, T0)], cap: null);
        Assert.Equal("here", pick);
    }

    [Fact]
    public void Nobody_below_the_cap_means_nobody_is_picked()
    {
        Assert.Null(RoundRobin.Pick([new AgentLoad("lee", true, 3, null), new AgentLoad("dana", true, 4, null)], cap: 3));
        Assert.Equal("lee", RoundRobin.Pick([new AgentLoad("lee", true, 2, null), new AgentLoad("dana", true, 3, null)], cap: 3));
    }

    [Fact]
    public void Nobody_online_means_nobody_is_picked()
    {
        Assert.Null(RoundRobin.Pick([new AgentLoad("lee", false, 0, null)], cap: null));
        Assert.Null(RoundRobin.Pick([], cap: null));
    }

    [Fact]
    public void Turns_rotate_whoever_got_one_longest_ago_goes_next_and_a_newcomer_first()
    {
        var people = new Dictionary<string, AgentLoad>
        {
            ["a"] = new("a", true, 0, T0.AddMinutes(2)),
            ["b"] = new("b", true, 0, T0.AddMinutes(1)),
            ["c"] = new("c", true, 0, null),
        };
        var order = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var pick = RoundRobin.Pick(people.Values, cap: null)!;
            order.Add(pick);
            people[pick] = people[pick] with { OpenConversations = people[pick].OpenConversations + 1, LastAssignedAt = T0.AddMinutes(10 + i) };
        }
        Assert.Equal(["c", "b", "a", "c", "b", "a"], order);
    }

    [Fact]
    public void With_equal_turns_the_lighter_load_goes_first()
    {
        var pick = RoundRobin.Pick([new AgentLoad("busy", true, 9, null), new AgentLoad("free", true, 1, null)], cap: 10);
        Assert.Equal("free", pick);
    }
}
