using Inbox.Core.Bot;
using Inbox.Core.Common;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Bot;

public sealed class HandoverRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 3, 0, 0, TimeSpan.Zero);

    private static Conversation BotConversation()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), Now);
        conversation.StartWithBot();
        return conversation;
    }

    [Fact]
    public void A_handover_makes_people_the_owner_pending_pickup_and_urgent_raises_priority()
    {
        var conversation = BotConversation();

        conversation.HandOver("Urgent: chest pain", "Consent: unknown", Priority.Urgent, Now);

        Assert.Equal(HandledBy.Human, conversation.HandledBy);
        Assert.Equal(ConversationStatus.Pending, conversation.Status);
        Assert.Equal(Priority.Urgent, conversation.Priority);
        Assert.True(conversation.AwaitsPickup);
        Assert.Throws<InboxDomainException>(() => conversation.HandOver("again", null, Priority.Normal, Now));
    }

    [Fact]
    public void Taking_assigns_once_and_handing_back_returns_to_the_bot_menu()
    {
        var conversation = BotConversation();
        conversation.HandOver("Asked for: Talk to a person", null, Priority.Normal, Now);

        conversation.Take("agent-1", Now);
        Assert.Equal("agent-1", conversation.AssigneeId);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
        Assert.Throws<InboxDomainException>(() => conversation.Take("agent-2", Now));

        conversation.HandBack();
        Assert.Equal(HandledBy.Bot, conversation.HandledBy);
        Assert.Null(conversation.AssigneeId);
        Assert.Null(conversation.HandoverReason);
        Assert.Equal(BotStep.Menu, conversation.BotState!.Step);
        Assert.Throws<InboxDomainException>(conversation.HandBack);
    }
}
