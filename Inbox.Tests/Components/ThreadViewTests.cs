using Inbox.Core.Teams;
using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Components.Pages.Inbox;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class ThreadViewTests
{
    private readonly Guid _conversation = Guid.NewGuid();

    [Fact]
    public async Task Messages_show_direction_and_delivery_status_oldest_first()
    {
        await using var h = new ComponentHarness();
        var question = Inbound(_conversation, "Can I move my check-up?", Now.AddMinutes(-10));
        var answer = Outbound(_conversation, "Of course. Thursday 10:30?", Now.AddMinutes(-9), DeliveryStatus.Read);
        var pending = Outbound(_conversation, "See you then.", Now.AddMinutes(-1), DeliveryStatus.Queued);
        Latest(h, question, answer, pending);

        var cut = Render(h);

        var messages = cut.FindAll("[data-testid=thread] [data-testid=message]");
        Assert.Equal([question.Id, answer.Id, pending.Id], messages.Select(m => Guid.Parse(m.GetAttribute("data-message-id")!)));
        Assert.Equal(["in", "out", "out"], messages.Select(m => m.GetAttribute("data-direction")));
        Assert.Equal(["delivered", "read", "queued"], messages.Select(m => m.GetAttribute("data-status")));
        Assert.Contains("Can I move my check-up?", messages[0].TextContent);
    }

    [Fact]
    public async Task A_failed_message_shows_the_reason_and_Retry_asks_the_sender_to_retry_it()
    {
        await using var h = new ComponentHarness();
        var failed = Outbound(_conversation, "Your results are ready.", Now, DeliveryStatus.Failed, errorReason: "The number is not on WhatsApp.");
        Latest(h, failed);
        h.Replies.Setup(r => r.RetryAsync(ComponentHarness.SignedInScope, failed.Id, It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var cut = Render(h);

        var message = cut.Find($"[data-message-id='{failed.Id}']");
        Assert.Equal("failed", message.GetAttribute("data-status"));
        Assert.Contains("The number is not on WhatsApp.", message.TextContent);
        cut.Find("[data-testid=message-retry]").Click();
        h.Replies.Verify(r => r.RetryAsync(ComponentHarness.SignedInScope, failed.Id, It.IsAny<CancellationToken>()), Times.Once);
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(entries => entries.Single().Action == AuditActions.MessageRetry
            && entries.Single().SubjectId == _conversation.ToString()), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_queued_message_that_already_failed_to_send_says_it_is_retrying_and_why()
    {
        await using var h = new ComponentHarness();
        var stuck = Outbound(_conversation, "Hello", Now, DeliveryStatus.Queued, errorReason: "WhatsApp is not answering.", attempts: 2);
        Latest(h, stuck);

        var cut = Render(h);

        var text = cut.Find($"[data-message-id='{stuck.Id}']").TextContent;
        Assert.Contains("Not sent yet — retrying (attempt 3)", text);
        Assert.Contains("WhatsApp is not answering.", text);
    }

    [Fact]
    public async Task A_receipt_updates_the_status_of_just_that_message()
    {
        await using var h = new ComponentHarness();
        var sent = Outbound(_conversation, "Hello", Now, DeliveryStatus.Sent);
        Latest(h, sent);
        h.Queries.Setup(q => q.MessageAsync(ComponentHarness.SignedInScope, sent.Id, It.IsAny<CancellationToken>())).ReturnsAsync(sent with { Status = DeliveryStatus.Delivered });
        var cut = Render(h);

        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageUpdated, _conversation, sent.Id)]);

        cut.WaitForAssertion(() => Assert.Equal("delivered", cut.Find($"[data-message-id='{sent.Id}']").GetAttribute("data-status")), TimeSpan.FromSeconds(3));
        h.Queries.Verify(q => q.LatestMessagesAsync(ComponentHarness.SignedInScope, _conversation, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_new_message_in_another_conversation_does_not_reload_this_thread()
    {
        await using var h = new ComponentHarness();
        Latest(h, Inbound(_conversation, "Hi", Now));
        var other = Guid.NewGuid();
        var listReads = 0;
        var listRefreshed = new TaskCompletionSource();
        h.Queries.Setup(q => q.ListAsync(ComponentHarness.SignedInScope, It.IsAny<ConversationFilter>(), It.IsAny<int>(), null, It.IsAny<CancellationToken>()))
            .Callback(() => { if (Interlocked.Increment(ref listReads) == 2) listRefreshed.TrySetResult(); })
            .ReturnsAsync(new Page<ConversationListItem>([], null));
        var cut = Render(h);
        // A list on the same feed proves the change was delivered and refreshed before we look.
        h.Context.Render<ConversationList>();

        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, other, Guid.NewGuid())]);

        await listRefreshed.Task.WaitAsync(TimeSpan.FromSeconds(3));
        h.Queries.Verify(q => q.LatestMessagesAsync(ComponentHarness.SignedInScope, _conversation, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private void Latest(ComponentHarness h, params ThreadMessage[] messages) =>
        h.Queries.Setup(q => q.LatestMessagesAsync(ComponentHarness.SignedInScope, _conversation, ThreadView.PageSize, It.IsAny<CancellationToken>())).ReturnsAsync(messages);

    private IRenderedComponent<ThreadView> Render(ComponentHarness h) =>
        h.Context.Render<ThreadView>(p => p.Add(t => t.ConversationId, _conversation));
}
