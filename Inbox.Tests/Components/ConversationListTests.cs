using Inbox.Core.Teams;
using AngleSharp.Dom;
using Bunit;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Components.Pages.Inbox;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class ConversationListTests
{
    [Fact]
    public async Task Rows_show_names_and_unread_counts_newest_first()
    {
        await using var h = new ComponentHarness();
        var anna = Conversation("Anna Müller", Now, unread: 2);
        var budi = Conversation("Budi Santoso", Now.AddMinutes(-5));
        h.Queries.Setup(q => q.ListAsync(ComponentHarness.SignedInScope, It.IsAny<ConversationFilter>(), ConversationList.PageSize, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Page<ConversationListItem>([anna, budi], null));

        var cut = h.Context.Render<ConversationList>();

        var rows = cut.FindAll("[data-testid=conversation-row]");
        Assert.Equal(["Anna Müller", "Budi Santoso"], rows.Select(Name));
        Assert.Equal(anna.Id.ToString(), rows[0].GetAttribute("data-conversation-id"));
        Assert.Equal("2", rows[0].QuerySelector("[data-testid=unread-count]")!.TextContent);
        Assert.Null(rows[1].QuerySelector("[data-testid=unread-count]"));
        Assert.EndsWith($"conversations/{anna.Id}", rows[0].GetAttribute("href"));
    }

    [Fact]
    public async Task A_published_change_moves_the_conversation_to_the_top_with_its_new_unread_count()
    {
        await using var h = new ComponentHarness();
        var anna = Conversation("Anna Müller", Now, unread: 2);
        var budi = Conversation("Budi Santoso", Now.AddMinutes(-5));
        var page = new Page<ConversationListItem>([anna, budi], null);
        h.Queries.Setup(q => q.ListAsync(ComponentHarness.SignedInScope, It.IsAny<ConversationFilter>(), ConversationList.PageSize, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => page);
        var cut = h.Context.Render<ConversationList>();

        // Budi writes again: the database now orders him first with one unread message.
        page = new Page<ConversationListItem>([budi with { LastMessageAt = Now.AddMinutes(1), UnreadCount = 1, UnreadForMe = true, LastMessagePreview = "Can the doctor call me?" }, anna], null);
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, budi.Id, Guid.NewGuid())]);

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=conversation-row]");
            Assert.Equal(["Budi Santoso", "Anna Müller"], rows.Select(Name));
            Assert.Equal("1", rows[0].QuerySelector("[data-testid=unread-count]")!.TextContent);
            Assert.Contains("Can the doctor call me?", rows[0].TextContent);
        }, TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_burst_of_changes_is_read_from_the_database_once_not_once_per_change()
    {
        await using var h = new ComponentHarness();
        var anna = Conversation("Anna Müller", Now, unread: 1);
        var calls = 0;
        h.Queries.Setup(q => q.ListAsync(ComponentHarness.SignedInScope, It.IsAny<ConversationFilter>(), ConversationList.PageSize, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new Page<ConversationListItem>([anna with { UnreadCount = 1 + calls++ }], null));
        var cut = h.Context.Render<ConversationList>();

        for (var i = 0; i < 200; i++)
            await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, anna.Id, Guid.NewGuid())]);

        cut.WaitForAssertion(() =>
        {
            Assert.True(calls >= 2, "the burst should cause a refresh");
            Assert.Equal(calls.ToString(), cut.Find("[data-testid=unread-count]").TextContent);
        }, TimeSpan.FromSeconds(3));
        Assert.InRange(calls, 2, 3); // the first render, then one (at most two) coalesced refreshes, not 200
    }

    private static string Name(IElement row) => row.QuerySelector(".row-name")!.TextContent.Trim();
}
