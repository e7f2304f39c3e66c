using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.CannedReplies;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Web.Components.Pages.Inbox;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

/// <summary>The composer's teamwork: private notes with mentions, canned replies, and the warning when a colleague answered first.</summary>
public sealed class ComposerCollaborationTests
{
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task A_note_goes_to_the_note_writer_as_the_signed_in_person_and_never_to_the_reply_sender()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        h.Notes.Setup(n => n.AddAsync(ComponentHarness.SignedInScope, conversation.Id, "Called her back, no answer", It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new NoteResult(NoteOutcome.Added, Guid.NewGuid(), []));
        var cut = Render(h, conversation);

        cut.Find("[data-testid=composer-mode-note]").Click();
        Assert.Equal("note", cut.Find("[data-testid=composer]").GetAttribute("data-mode"));
        Assert.Equal("Private note · never sent to the patient", cut.Find("[data-testid=composer-window]").TextContent.Trim());
        cut.Find("[data-testid=composer-input]").Input("Called her back, no answer");
        cut.Find("[data-testid=composer-send]").Click();

        h.Notes.Verify(n => n.AddAsync(ComponentHarness.SignedInScope, conversation.Id, "Called her back, no answer",
            It.Is<MessageAuthor>(a => a.Id == ComponentHarness.SignedInUserId && a.Name == "Rita Reception"), It.IsAny<CancellationToken>()), Times.Once);
        h.Replies.VerifyNoOtherCalls();
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e => e.Single().Action == AuditActions.NoteAdd), It.IsAny<CancellationToken>()), Times.Once);
        Assert.True(string.IsNullOrEmpty(cut.Find("[data-testid=composer-input]").GetAttribute("value")));
    }

    [Fact]
    public async Task Typing_at_in_a_note_offers_matching_colleagues_and_Enter_inserts_the_full_name()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5)) with { SharedInboxId = Guid.NewGuid() };
        // The people who serve this conversation's inbox: only they can be named.
        h.Choices.Setup(c => c.AssignableAsync(conversation.SharedInboxId, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PersonChoice("u-lee", "Nurse Lee"), new PersonChoice("u-sam", "Dr Sam Ortiz"), new PersonChoice("u-rita", "Rita Reception")]);
        var cut = Render(h, conversation);
        cut.Find("[data-testid=composer-mode-note]").Click();

        cut.Find("[data-testid=composer-input]").Input("Please call her back @Le");

        var offered = cut.FindAll("[data-testid=composer-suggestion]");
        Assert.Equal(["Nurse Lee"], offered.Select(o => o.TextContent.Trim()));
        cut.Find("[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });
        Assert.Equal("Please call her back @Nurse Lee ", cut.Find("[data-testid=composer-input]").GetAttribute("value"));
        Assert.Empty(cut.FindAll("[data-testid=composer-suggestion]"));
        h.Notes.VerifyNoOtherCalls(); // Enter picked the name; it did not save the note
    }

    [Fact]
    public async Task Slash_searches_canned_replies_and_Enter_inserts_one_with_its_placeholders_filled_and_unknown_ones_flagged()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        h.Queries.Setup(q => q.ContactAsync(ComponentHarness.SignedInScope, conversation.ContactId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ContactView(conversation.ContactId, "Anna Müller", "+4915112345678", null, [], Now));
        h.CannedReplies.Setup(c => c.SearchAsync("hours", It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(
            [new CannedReplyView(Guid.NewGuid(), "hours", "Opening hours", "Hi {{contact.name}}, {{clinic.name}} is open {{clinic.hours}}. Book: {{booking.link}} — {{agent.name}}")]);
        var cut = Render(h, conversation);

        cut.Find("[data-testid=composer-input]").Input("/hours");
        Assert.Contains("/hours · Opening hours", cut.Find("[data-testid=composer-suggestion]").TextContent);
        cut.Find("[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal("Hi Anna Müller, Harbour Clinic is open Mon–Fri 8:00–18:00. Book: {{booking.link}} — Rita Reception",
            cut.Find("[data-testid=composer-input]").GetAttribute("value"));
        Assert.Contains("{{booking.link}}", cut.Find("[data-testid=composer-placeholders]").TextContent);
        // Sending it as it stands would show the patient "{{booking.link}}": refused until it is replaced.
        cut.Find("[data-testid=composer-send]").Click();
        Assert.Contains("Replace {{booking.link}}", cut.Find("[data-testid=composer-error]").TextContent);
        h.Replies.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_colleagues_reply_while_composing_warns_before_sending_and_Send_anyway_sends()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        var theirs = Outbound(conversation.Id, "Thursday works", Now.AddSeconds(-20), DeliveryStatus.Queued) with { Author = MessageAuthor.Agent("u-lee", "Nurse Lee") };
        h.Queries.Setup(q => q.MessageAsync(ComponentHarness.SignedInScope, theirs.Id, It.IsAny<CancellationToken>())).ReturnsAsync(theirs);
        h.Replies.Setup(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, "See you Thursday", null, It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReplyResult(ReplyOutcome.Queued, Guid.NewGuid()));
        var cut = Render(h, conversation);
        cut.Find("[data-testid=composer-input]").Input("See you Thursday");

        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, theirs.Id)]);

        cut.WaitForAssertion(() => Assert.Contains("Nurse Lee replied 20 s ago — review before sending", cut.Find("[data-testid=composer-collision]").TextContent));
        cut.Find("[data-testid=composer-send]").Click();
        h.Replies.Verify(r => r.QueueAsync(It.IsAny<InboxScope>(), It.IsAny<Guid>(), It.IsAny<string?>(), It.IsAny<ChannelKind?>(), It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()), Times.Never);

        cut.Find("[data-testid=composer-send-anyway]").Click();
        h.Replies.Verify(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, "See you Thursday", null, It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(cut.FindAll("[data-testid=composer-collision]"));
    }

    [Fact]
    public async Task My_own_reply_from_another_tab_and_a_colleagues_note_do_not_warn()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        var mine = Outbound(conversation.Id, "From my other tab", Now, DeliveryStatus.Queued) with { Author = MessageAuthor.Agent(ComponentHarness.SignedInUserId, "Rita Reception") };
        var note = Outbound(conversation.Id, "Internal", Now, DeliveryStatus.Sent) with { Type = MessageType.Note, Author = MessageAuthor.Agent("u-lee", "Nurse Lee") };
        h.Queries.Setup(q => q.MessageAsync(ComponentHarness.SignedInScope, mine.Id, It.IsAny<CancellationToken>())).ReturnsAsync(mine);
        h.Queries.Setup(q => q.MessageAsync(ComponentHarness.SignedInScope, note.Id, It.IsAny<CancellationToken>())).ReturnsAsync(note);
        var cut = Render(h, conversation);
        cut.Find("[data-testid=composer-input]").Input("Draft");

        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, mine.Id), new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, note.Id)]);

        cut.WaitForAssertion(() => h.Queries.Verify(q => q.MessageAsync(ComponentHarness.SignedInScope, note.Id, It.IsAny<CancellationToken>()), Times.Once));
        Assert.Empty(cut.FindAll("[data-testid=composer-collision]"));
    }

    [Fact]
    public async Task Typing_tells_colleagues_at_most_every_two_seconds_and_sending_stops_it()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        h.Replies.Setup(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, It.IsAny<string?>(), null, It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReplyResult(ReplyOutcome.Queued, Guid.NewGuid()));
        using var view = h.Presence.Enter(conversation.Id, "my-view", ComponentHarness.SignedInUserId, "Rita Reception");
        var cut = Render(h, conversation);
        PresentStaff Me() => h.Presence.In(conversation.Id).Single();

        cut.Find("[data-testid=composer-input]").Input("S");
        Assert.Equal(Now, Me().TypingAt);
        _time.Advance(TimeSpan.FromSeconds(1));
        cut.Find("[data-testid=composer-input]").Input("Se");
        Assert.Equal(Now, Me().TypingAt); // throttled: no new ping within 2 s
        _time.Advance(TimeSpan.FromSeconds(1.5));
        cut.Find("[data-testid=composer-input]").Input("See");
        Assert.Equal(Now.AddSeconds(2.5), Me().TypingAt);

        cut.Find("[data-testid=composer-send]").Click();
        Assert.Null(Me().TypingAt);
    }

    private static IRenderedComponent<Composer> Render(ComponentHarness h, ConversationListItem conversation) =>
        h.Context.Render<Composer>(p => p.Add(c => c.Conversation, conversation));
}
