using Inbox.Core.Bot;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

/// <summary>Assigning a person is the one way to give them a thread: it takes it from the handover queue or from the bot.</summary>
public sealed class AssignmentOwnershipTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Conversation WithBot()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.StartWithBot();
        return conversation;
    }

    [Fact]
    public void Assigning_a_person_to_a_thread_waiting_in_the_handover_queue_takes_it()
    {
        var conversation = WithBot();
        conversation.HandOver("Asked for: Talk to a person", null, Priority.Normal, T0);

        conversation.AssignTo("lee", null, T0.AddMinutes(1));

        Assert.Equal((HandledBy.Human, ConversationStatus.Open, "lee"), (conversation.HandledBy, conversation.Status, conversation.AssigneeId));
        Assert.False(conversation.AwaitsPickup);
    }

    [Fact]
    public void Assigning_a_person_to_a_bot_thread_takes_it_over_so_the_bot_goes_silent()
    {
        var conversation = WithBot();

        conversation.AssignTo("lee", null, T0.AddMinutes(1));

        Assert.Equal((HandledBy.Human, ConversationStatus.Open, "lee"), (conversation.HandledBy, conversation.Status, conversation.AssigneeId));
        Assert.Equal("Taken over by staff", conversation.HandoverReason);
    }

    [Fact]
    public void Assigning_only_a_team_leaves_the_bot_or_the_queue_in_charge()
    {
        var conversation = WithBot();
        conversation.AssignTo(null, Guid.NewGuid(), T0);
        Assert.Equal(HandledBy.Bot, conversation.HandledBy);

        conversation.HandOver("Asked for: Talk to a person", null, Priority.Normal, T0);
        conversation.AssignTo(null, Guid.NewGuid(), T0);
        Assert.True(conversation.AwaitsPickup);
    }

    [Fact]
    public void Starting_with_the_bot_and_handing_back_both_clear_the_assignee_and_the_priority()
    {
        var handedBack = WithBot();
        handedBack.HandOver("Urgent: chest pain", null, Priority.Urgent, T0);
        handedBack.Take("lee", T0);
        handedBack.HandBack();

        var restarted = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        restarted.AssignTo("lee", null, T0);
        restarted.ChangePriority(Priority.High);
        restarted.StartWithBot();

        foreach (var conversation in new[] { handedBack, restarted })
        {
            Assert.Equal((HandledBy.Bot, (string?)null, Priority.Normal), (conversation.HandledBy, conversation.AssigneeId, conversation.Priority));
            Assert.Null(conversation.HandedOverAt);
            Assert.Null(conversation.BotFlowVersionId);
        }
        Assert.Equal(BotStep.Menu, handedBack.BotState!.Step);
        Assert.Null(restarted.BotState);
    }
}
