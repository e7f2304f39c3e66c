using Bunit;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Web.Components.Pages.Inbox;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class InboxViewsTests
{
    private static readonly Page<ConversationListItem> Empty = new([], null);

    [Fact]
    public async Task Every_view_shows_its_count_and_choosing_Mine_lists_my_open_conversations()
    {
        await using var h = new ComponentHarness();
        h.Queries.Setup(q => q.CountsAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<ConversationFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<InboxView, int> { [InboxView.Mine] = 4, [InboxView.Unassigned] = 2, [InboxView.AllOpen] = 9, [InboxView.Pending] = 1, [InboxView.Snoozed] = 0, [InboxView.Resolved] = 120 });
        var filters = new List<ConversationFilter>();
        h.Queries.Setup(q => q.ListAsync(ComponentHarness.SignedInScope, Capture.In(filters), ConversationList.PageSize, null, It.IsAny<CancellationToken>())).ReturnsAsync(Empty);

        var cut = h.Context.Render<ConversationList>();

        Assert.Equal("4", cut.Find("[data-testid=view-count-mine]").TextContent);
        Assert.Equal("2", cut.Find("[data-testid=view-count-unassigned]").TextContent);
        Assert.Equal("120", cut.Find("[data-testid=view-count-resolved]").TextContent);
        // All open by default, with my unread state.
        Assert.Equal(ConversationStatus.Open, filters[0].Status);
        Assert.Null(filters[0].AssigneeId);
        Assert.Equal(ComponentHarness.SignedInUserId, filters[0].ViewerId);

        cut.Find("[data-testid=view-mine]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Equal((ConversationStatus.Open, ComponentHarness.SignedInUserId), (filters[^1].Status, filters[^1].AssigneeId));
            Assert.Equal("true", cut.Find("[data-testid=view-mine]").GetAttribute("aria-pressed"));
        });
        cut.Find("[data-testid=view-unassigned]").Click();
        cut.WaitForAssertion(() => Assert.True(filters[^1].Unassigned));
    }

    [Fact]
    public async Task A_colleague_assigning_a_conversation_updates_the_counts_live()
    {
        await using var h = new ComponentHarness();
        var mine = 0;
        h.Queries.Setup(q => q.CountsAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<ConversationFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Dictionary<InboxView, int> { [InboxView.Mine] = mine, [InboxView.Unassigned] = 1 - mine });
        h.Queries.Setup(q => q.ListAsync(It.IsAny<InboxScope>(), It.IsAny<ConversationFilter>(), ConversationList.PageSize, null, It.IsAny<CancellationToken>())).ReturnsAsync(Empty);
        var cut = h.Context.Render<ConversationList>();
        Assert.Equal("0", cut.Find("[data-testid=view-count-mine]").TextContent);

        mine = 1;
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.ConversationUpdated, Guid.NewGuid())]);

        cut.WaitForAssertion(() =>
        {
            Assert.Equal("1", cut.Find("[data-testid=view-count-mine]").TextContent);
            Assert.Equal("0", cut.Find("[data-testid=view-count-unassigned]").TextContent);
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Rows_show_labels_flag_urgent_and_bold_only_what_I_have_not_read()
    {
        await using var h = new ComponentHarness();
        var urgent = Conversation("Anna Müller", Now, unread: 1) with
        {
            Priority = Priority.Urgent, AssigneeName = "Lee Chan", Labels = [new LabelChip(Guid.NewGuid(), "Lab results", "#43a047")],
        };
        var readByMe = Conversation("Budi Santoso", Now.AddMinutes(-5)) with { UnreadCount = 3, UnreadForMe = false };
        h.Queries.Setup(q => q.ListAsync(It.IsAny<InboxScope>(), It.IsAny<ConversationFilter>(), ConversationList.PageSize, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Page<ConversationListItem>([urgent, readByMe], null));

        var cut = h.Context.Render<ConversationList>();

        var rows = cut.FindAll("[data-testid=conversation-row]");
        Assert.Equal("true", rows[0].GetAttribute("data-unread"));
        Assert.Equal("false", rows[1].GetAttribute("data-unread"));
        Assert.Null(rows[1].QuerySelector("[data-testid=unread-count]")); // a colleague's unread is not mine
        Assert.Contains("urgent", rows[0].QuerySelector("[data-testid=priority-marker]")!.TextContent);
        Assert.Contains("urgent", rows[0].ClassName);
        Assert.Equal("Lab results", rows[0].QuerySelector("[data-testid=label-chip]")!.TextContent.Trim());
        Assert.Equal("LC", rows[0].QuerySelector("[data-testid=row-assignee]")!.FirstChild!.TextContent);
    }
}
