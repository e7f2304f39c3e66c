using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Web.Auth;
using Inbox.Web.Components.Pages.Inbox;
using Moq;

namespace Inbox.Tests.Components;

public sealed class HandoverCardTests
{
    private static readonly Guid ConversationId = Guid.Parse("0190f0a0-0000-7000-8000-0000000000c1");

    private static OwnershipView Waiting() => new(ConversationId, HandledBy.Human, ConversationStatus.Pending, null, Priority.Urgent,
        "Urgent: chest pain", "Consent: accepted\nAsked about: Opening hours", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_waiting_handover_shows_reason_summary_and_take_which_takes_it_as_the_signed_in_agent()
    {
        await using var harness = new ComponentHarness();
        harness.Auth.SetPolicies(Policies.TakeHandovers);
        harness.Handovers.SetupSequence(d => d.ViewAsync(ComponentHarness.SignedInScope, ConversationId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Waiting())
            .ReturnsAsync(Waiting() with { AssigneeId = ComponentHarness.SignedInUserId, Status = ConversationStatus.Open });
        harness.Handovers.Setup(d => d.TakeAsync(ComponentHarness.SignedInScope, ConversationId, ComponentHarness.SignedInUserId, It.IsAny<AuditActor>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(OwnershipOutcome.Done);

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.ConversationId, ConversationId));

        card.WaitForAssertion(() => Assert.Contains("Handed over: Urgent: chest pain", card.Find("[data-testid=handover-reason]").TextContent));
        Assert.Contains("Asked about: Opening hours", card.Find("[data-testid=handover-summary]").TextContent);
        await card.Find("[data-testid=take]").ClickAsync(new());

        harness.Handovers.Verify(d => d.TakeAsync(ComponentHarness.SignedInScope, ConversationId, ComponentHarness.SignedInUserId, It.IsAny<AuditActor>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
        card.WaitForAssertion(() => Assert.Empty(card.FindAll("[data-testid=take]")));
        Assert.NotNull(card.Find("[data-testid=hand-back]"));
    }

    [Fact]
    public async Task Without_the_permission_to_take_handovers_no_action_is_offered()
    {
        await using var harness = new ComponentHarness();
        harness.Handovers.Setup(d => d.ViewAsync(It.IsAny<InboxScope>(), ConversationId, It.IsAny<CancellationToken>())).ReturnsAsync(Waiting());

        var card = harness.Context.Render<HandoverCard>(p => p.Add(c => c.ConversationId, ConversationId));

        Assert.NotNull(card.Find("[data-testid=handover-reason]"));
        Assert.Empty(card.FindAll("[data-testid=take]"));
        Assert.Empty(card.FindAll("[data-testid=hand-back]"));
    }
}
