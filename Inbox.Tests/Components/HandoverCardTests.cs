using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Web.Auth;
using Inbox.Web.Components.Pages.Inbox;
using Moq;

namespace Inbox.Tests.Components;

public sealed class HandoverCardTests
{
    private static readonly Guid ConversationId = Guid.Parse("0190f0a0-0000-7000-8000-0000000000c1");
    private static readonly Guid InboxId = Guid.Parse("0190f0a0-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset HandedOverAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The page's summary of the conversation, as the card receives it.</summary>
    private static ConversationListItem Item(HandledBy handledBy, ConversationStatus status, string? assignee = null, DateTimeOffset? handedOverAt = null) =>
        new(ConversationId, Guid.NewGuid(), "Pat", status, handledBy, assignee, Priority.Urgent, [ChannelKind.WhatsApp], HandedOverAt, null, 0, null, null,
            SharedInboxId: InboxId, HandedOverAt: handedOverAt);

    private static ConversationListItem Waiting() => Item(HandledBy.Human, ConversationStatus.Pending, handedOverAt: HandedOverAt);

    private static HandoverDetails Details(bool waiting) => new("Urgent: chest pain", "Consent: accepted\nAsked about: Opening hours", waiting);

    [Fact]
    public async Task A_waiting_handover_shows_reason_summary_and_take_which_takes_it_as_the_signed_in_agent()
    {
        await using var harness = new ComponentHarness();
        harness.Auth.SetPolicies(Policies.TakeHandovers);
        harness.Accounts.Setup(a => a.BotAnswers(InboxId)).Returns(true);
        harness.Handovers.SetupSequence(d => d.DetailsAsync(ComponentHarness.SignedInScope, ConversationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Details(waiting: true))
            .ReturnsAsync(Details(waiting: false));
        harness.Handovers.Setup(d => d.TakeAsync(ComponentHarness.SignedInScope, ConversationId, ComponentHarness.SignedInUserId, It.IsAny<AuditActor>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(OwnershipOutcome.Done);

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Waiting()));

        card.WaitForAssertion(() => Assert.Contains("Handed over: Urgent: chest pain", card.Find("[data-testid=handover-reason]").TextContent));
        Assert.Contains("Asked about: Opening hours", card.Find("[data-testid=handover-summary]").TextContent);
        await card.Find("[data-testid=take]").ClickAsync(new());

        harness.Handovers.Verify(d => d.TakeAsync(ComponentHarness.SignedInScope, ConversationId, ComponentHarness.SignedInUserId, It.IsAny<AuditActor>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        // The desk's ConversationUpdated makes the page re-read the conversation and pass it in.
        card.Render(p => p.Add(c => c.Conversation, Item(HandledBy.Human, ConversationStatus.Open, ComponentHarness.SignedInUserId, HandedOverAt)));
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=take]")));
        Assert.NotNull(card.Find("[data-testid=hand-back]"));
    }

    [Fact]
    public async Task Without_the_permission_to_take_handovers_no_action_is_offered()
    {
        await using var harness = new ComponentHarness();
        harness.Accounts.Setup(a => a.BotAnswers(InboxId)).Returns(true);
        harness.Handovers.Setup(d => d.DetailsAsync(It.IsAny<InboxScope>(), ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(Details(waiting: true));

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Waiting()));

        Assert.NotNull(card.Find("[data-testid=handover-reason]"));
        Assert.Empty(card.FindAll("[data-testid=take]"));
        Assert.Empty(card.FindAll("[data-testid=hand-back]"));
    }

    [Fact]
    public async Task A_thread_people_always_owned_shows_no_card_and_reads_nothing()
    {
        await using var harness = new ComponentHarness();
        harness.Auth.SetPolicies(Policies.TakeHandovers);

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Item(HandledBy.Human, ConversationStatus.Open)));
        card.Render(p => p.Add(c => c.Conversation, Item(HandledBy.Human, ConversationStatus.Pending)));

        Assert.Empty(card.FindAll("[data-testid=handover-card]"));
        harness.Handovers.Verify(d => d.DetailsAsync(It.IsAny<InboxScope>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_bot_conversation_offers_take_over_without_a_read()
    {
        await using var harness = new ComponentHarness();
        harness.Auth.SetPolicies(Policies.TakeHandovers);

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Item(HandledBy.Bot, ConversationStatus.Open)));

        Assert.Equal("bot", card.Find("[data-testid=handover-card]").GetAttribute("data-owner"));
        Assert.NotNull(card.Find("[data-testid=take-over]"));
        harness.Handovers.Verify(d => d.DetailsAsync(It.IsAny<InboxScope>(), It.IsAny<Guid>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Hand_back_is_offered_only_where_the_inboxs_bot_answers()
    {
        await using var harness = new ComponentHarness();
        harness.Auth.SetPolicies(Policies.TakeHandovers);
        harness.Handovers.Setup(d => d.DetailsAsync(It.IsAny<InboxScope>(), ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(Details(waiting: true));

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Waiting()));

        card.WaitForAssertion(() => Assert.NotNull(card.Find("[data-testid=take]")));
        Assert.Empty(card.FindAll("[data-testid=hand-back]"));
    }

    [Fact]
    public async Task Details_are_read_once_per_ownership_change_not_on_every_refresh_of_the_page()
    {
        await using var harness = new ComponentHarness();
        harness.Handovers.Setup(d => d.DetailsAsync(It.IsAny<InboxScope>(), ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(Details(waiting: true));

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.Conversation, Waiting()));
        // New messages and receipts make the page pass a fresh summary with the same owner.
        card.Render(p => p.Add(c => c.Conversation, Waiting() with { UnreadCount = 3 }));
        card.Render(p => p.Add(c => c.Conversation, Waiting() with { UnreadCount = 4 }));

        card.WaitForAssertion(() => Assert.NotNull(card.Find("[data-testid=handover-reason]")));
        harness.Handovers.Verify(d => d.DetailsAsync(It.IsAny<InboxScope>(), ConversationId, It.IsAny<CancellationToken>()), Times.Once);
    }
}
