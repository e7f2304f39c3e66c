using Bunit;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Web.Components.Pages.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class ThreadHeaderTests
{
    [Fact]
    public async Task Assign_to_me_assigns_the_signed_in_person_and_hands_back_the_result()
    {
        await using var h = new ComponentHarness();
        var conversation = Conversation("Anna Müller", Now);
        h.Workflow.Setup(w => w.AssignAsync(ComponentHarness.SignedInScope, conversation.Id, ComponentHarness.SignedInUserId, null, It.IsAny<WorkflowActor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(conversation with { AssigneeId = ComponentHarness.SignedInUserId, AssigneeName = "Rita Reception" });
        ConversationListItem? changed = null;
        var popovers = h.Context.Render<MudPopoverProvider>();
        var cut = h.Context.Render<ThreadHeader>(p => p.Add(x => x.Conversation, conversation).Add(x => x.Changed, c => changed = c));

        cut.Find("[data-testid=assign-menu] button").Click();
        popovers.WaitForElement("[data-testid=action-assign-me]").Click();

        cut.WaitForAssertion(() => Assert.Equal(ComponentHarness.SignedInUserId, changed?.AssigneeId));
        h.Workflow.Verify(w => w.AssignAsync(ComponentHarness.SignedInScope, conversation.Id, ComponentHarness.SignedInUserId, null,
            It.Is<WorkflowActor>(a => a.StaffId == ComponentHarness.SignedInUserId && a.Name == "Rita Reception"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_status_menu_offers_only_legal_changes_and_resolve_goes_to_the_workflow()
    {
        await using var h = new ComponentHarness();
        var conversation = Conversation("Anna Müller", Now);
        h.Workflow.Setup(w => w.ChangeStatusAsync(It.IsAny<InboxScope>(), conversation.Id, ConversationStatus.Resolved, null, It.IsAny<WorkflowActor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(conversation with { Status = ConversationStatus.Resolved });
        var popovers = h.Context.Render<MudPopoverProvider>();
        var cut = h.Context.Render<ThreadHeader>(p => p.Add(x => x.Conversation, conversation));

        cut.Find("[data-testid=status-menu] button").Click();
        popovers.WaitForElement("[data-testid=action-resolve]");
        Assert.Empty(popovers.FindAll("[data-testid=action-reopen]")); // it is open already
        popovers.Find("[data-testid=action-resolve]").Click();

        cut.WaitForAssertion(() => h.Workflow.Verify(w => w.ChangeStatusAsync(ComponentHarness.SignedInScope, conversation.Id, ConversationStatus.Resolved, null,
            It.IsAny<WorkflowActor>(), It.IsAny<CancellationToken>()), Times.Once));
    }

    [Fact]
    public async Task The_keyboards_resolve_and_assign_to_me_act_on_the_open_conversation()
    {
        await using var h = new ComponentHarness();
        var conversation = Conversation("Anna Müller", Now);
        var commands = h.Context.Services.GetRequiredService<Inbox.Web.Components.Pages.Inbox.Keyboard.InboxCommands>();
        h.Context.Render<ThreadHeader>(p => p.Add(x => x.Conversation, conversation));

        Assert.True(await commands.RaiseAsync(Inbox.Web.Components.Pages.Inbox.Keyboard.InboxCommand.Resolve));
        Assert.True(await commands.RaiseAsync(Inbox.Web.Components.Pages.Inbox.Keyboard.InboxCommand.AssignToMe));

        h.Workflow.Verify(w => w.ChangeStatusAsync(ComponentHarness.SignedInScope, conversation.Id, ConversationStatus.Resolved, null, It.IsAny<WorkflowActor>(), It.IsAny<CancellationToken>()), Times.Once);
        h.Workflow.Verify(w => w.AssignAsync(ComponentHarness.SignedInScope, conversation.Id, ComponentHarness.SignedInUserId, null, It.IsAny<WorkflowActor>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_resolved_conversation_offers_only_reopen()
    {
        await using var h = new ComponentHarness();
        var conversation = Conversation("Anna Müller", Now) with { Status = ConversationStatus.Resolved };
        var popovers = h.Context.Render<MudPopoverProvider>();
        var cut = h.Context.Render<ThreadHeader>(p => p.Add(x => x.Conversation, conversation));

        cut.Find("[data-testid=status-menu] button").Click();
        popovers.WaitForElement("[data-testid=action-reopen]");
        Assert.Empty(popovers.FindAll("[data-testid=action-resolve]"));
        Assert.Empty(popovers.FindAll("[data-testid=action-snooze-hour]"));
    }
}
