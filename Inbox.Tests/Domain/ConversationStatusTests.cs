using Inbox.Core.Conversations;
using Inbox.Tests.Builders;

namespace Inbox.Tests.Domain;

public sealed class ConversationStatusTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Conversation Open() => new(Guid.NewGuid(), Guid.NewGuid(), T0);

    [Fact]
    public void Resolving_closes_the_episode_that_began_when_the_conversation_opened()
    {
        var conversation = Open();
        var episode = conversation.Resolve(T0.AddHours(2), "lee");

        Assert.Equal(ConversationStatus.Resolved, conversation.Status);
        Assert.Equal((conversation.Id, T0, T0.AddHours(2), "lee"), (episode.ConversationId, episode.OpenedAt, episode.ResolvedAt, episode.ResolvedBy));
    }

    [Fact]
    public void Reopening_a_resolved_conversation_starts_a_new_episode_and_the_next_resolution_measures_from_it()
    {
        var conversation = Open();
        conversation.Resolve(T0.AddHours(1), "lee");
        conversation.Reopen(T0.AddHours(5));
        var second = conversation.Resolve(T0.AddHours(6), "dana");

        Assert.Equal(T0.AddHours(5), second.OpenedAt);
        Assert.Equal(T0.AddHours(6), second.ResolvedAt);
    }

    [Fact]
    public void A_patient_writing_to_a_resolved_conversation_reopens_it_as_a_new_episode()
    {
        var conversation = Open();
        conversation.Resolve(T0.AddHours(1), "lee");
        conversation.RecordInbound(new InboundBuilder().At(T0.AddHours(3)).Saying("One more question").BuildFor(conversation));

        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Equal(T0.AddHours(3), conversation.OpenedAt);
    }

    [Fact]
    public void A_patient_writing_wakes_a_snooze_that_waits_for_them_without_starting_a_new_episode()
    {
        var conversation = Open();
        conversation.Snooze(null, T0.AddMinutes(1));
        conversation.RecordInbound(new InboundBuilder().At(T0.AddHours(3)).Saying("Hello?").BuildFor(conversation));

        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Null(conversation.SnoozedUntil);
        Assert.Equal(T0, conversation.OpenedAt);
    }

    [Fact]
    public void A_timed_snooze_wakes_when_its_time_comes_and_not_before()
    {
        var conversation = Open();
        conversation.Snooze(T0.AddHours(4), T0);

        Assert.False(conversation.WakeIfDue(T0.AddHours(4).AddSeconds(-1)));
        Assert.Equal(ConversationStatus.Snoozed, conversation.Status);
        Assert.True(conversation.WakeIfDue(T0.AddHours(4)));
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Null(conversation.SnoozedUntil);
    }

    [Fact]
    public void A_snooze_until_the_patient_writes_never_wakes_by_the_clock()
    {
        var conversation = Open();
        conversation.Snooze(null, T0);
        Assert.False(conversation.WakeIfDue(T0.AddYears(1)));
    }

    [Fact]
    public void A_snooze_into_the_past_is_refused()
    {
        var conversation = Open();
        Assert.Throws<ConversationConflictException>(() => conversation.Snooze(T0.AddMinutes(-1), T0));
        Assert.Equal(ConversationStatus.Open, conversation.Status);
    }

    [Theory]
    [InlineData(ConversationStatus.Open, ConversationStatus.Open)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Resolved)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Snoozed)]
    [InlineData(ConversationStatus.Pending, ConversationStatus.Pending)]
    public void Illegal_changes_throw_a_conflict_and_leave_the_status_alone(ConversationStatus from, ConversationStatus to)
    {
        var conversation = In(from);
        var error = Assert.Throws<ConversationConflictException>(() => Move(conversation, to));
        Assert.Equal(from, conversation.Status);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Theory]
    [InlineData(ConversationStatus.Open, ConversationStatus.Pending)]
    [InlineData(ConversationStatus.Open, ConversationStatus.Snoozed)]
    [InlineData(ConversationStatus.Pending, ConversationStatus.Resolved)]
    [InlineData(ConversationStatus.Snoozed, ConversationStatus.Open)]
    [InlineData(ConversationStatus.Resolved, ConversationStatus.Open)]
    public void Legal_changes_move_the_status(ConversationStatus from, ConversationStatus to)
    {
        var conversation = In(from);
        Move(conversation, to);
        Assert.Equal(to, conversation.Status);
    }

    [Fact]
    public void Assignment_names_a_person_a_team_or_nobody()
    {
        var conversation = Open();
        var team = Guid.NewGuid();
        conversation.AssignTo("lee", team, T0);
        Assert.Equal(("lee", (Guid?)team), (conversation.AssigneeId, conversation.AssignedTeamId));
        conversation.AssignTo(null, null, T0);
        Assert.Equal((null, (Guid?)null), (conversation.AssigneeId, conversation.AssignedTeamId));
    }

    private static Conversation In(ConversationStatus status)
    {
        var conversation = Open();
        if (status != ConversationStatus.Open) Move(conversation, status);
        return conversation;
    }

    private static void Move(Conversation conversation, ConversationStatus to)
    {
        var now = T0.AddMinutes(10);
        switch (to)
        {
            case ConversationStatus.Open: conversation.Reopen(now); break;
            case ConversationStatus.Pending: conversation.MarkPending(); break;
            case ConversationStatus.Snoozed: conversation.Snooze(now.AddHours(1), now); break;
            default: conversation.Resolve(now, "lee"); break;
        }
    }
}
