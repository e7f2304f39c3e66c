using Inbox.Core.Teams;
using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Web.Components.Pages.Inbox;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class ComposerTests
{
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task A_reply_the_validator_refuses_shows_its_message_and_keeps_the_draft()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        // The sender answers the way the real one does: with the FluentValidation messages for the draft.
        h.Replies.Setup(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, It.IsAny<string?>(), null, It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((InboxScope _, Guid _, string? text, ChannelKind? _, MessageAuthor _, CancellationToken _) => new ReplyResult(ReplyOutcome.Invalid,
                Errors: new ReplyDraftValidator().Validate(new ReplyDraft(text, ChannelKind.WhatsApp)).ToDictionary().AsReadOnly()));
        var cut = Render(h, conversation);
        var tooLong = new string('a', ChannelCapabilities.WhatsApp.TextLimit + 1);

        cut.Find("[data-testid=composer-input]").Input(tooLong);
        cut.Find("[data-testid=composer-send]").Click();

        Assert.Contains("WhatsApp allows at most 4,096 characters; this message has 4,097", cut.Find("[data-testid=composer-error]").TextContent);
        h.Audit.VerifyNoOtherCalls(); // nothing was sent
        Assert.Equal(tooLong, cut.Find("[data-testid=composer-input]").GetAttribute("value") ?? cut.Find("[data-testid=composer-input]").TextContent);
    }

    [Fact]
    public async Task A_queued_reply_clears_the_draft_and_is_written_as_the_front_desk()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddMinutes(-5));
        h.Replies.Setup(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, "See you Thursday", null, It.IsAny<MessageAuthor>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ReplyResult(ReplyOutcome.Queued, Guid.NewGuid()));
        var cut = Render(h, conversation);

        cut.Find("[data-testid=composer-input]").Input("See you Thursday");
        cut.Find("[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        h.Replies.Verify(r => r.QueueAsync(ComponentHarness.SignedInScope, conversation.Id, "See you Thursday", null,
            It.Is<MessageAuthor>(a => a.Kind == AuthorKind.Agent && a.Id == ComponentHarness.SignedInUserId && a.Name == "Rita Reception"), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Empty(cut.FindAll("[data-testid=composer-error]"));
        Assert.True(string.IsNullOrEmpty(cut.Find("[data-testid=composer-input]").GetAttribute("value")));
        // Sending to a patient is a change to their record: audited as the person, like an API send.
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(entries => entries.Single().Action == AuditActions.MessageSend
            && entries.Single().SubjectId == conversation.Id.ToString() && entries.Single().Actor.Id == ComponentHarness.SignedInUserId), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Shift_Enter_does_not_send()
    {
        await using var h = new ComponentHarness(_time);
        var cut = Render(h, Conversation("Anna Müller", Now.AddMinutes(-5)));

        cut.Find("[data-testid=composer-input]").Input("First line");
        cut.Find("[data-testid=composer-input]").KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = true });

        h.Replies.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_WhatsApp_conversation_whose_patient_wrote_over_24_hours_ago_offers_only_approved_templates()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddHours(-25), lastInboundAt: Now.AddHours(-25));
        h.Templates.Setup(t => t.ForConversationAsync(ComponentHarness.SignedInScope, conversation.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Inbox.Core.Templates.TemplateView(Guid.NewGuid(), "appointment_reminder", "en_US", "Hello {{1}}", 1, null, true)]);

        var cut = Render(h, conversation);

        Assert.Equal("Window closed on WhatsApp — choose an approved template", cut.Find("[data-testid=composer-window]").TextContent.Trim());
        cut.WaitForElement("[data-testid=template-send]");
        Assert.Empty(cut.FindAll("[data-testid=composer-input]"));
        Assert.Empty(cut.FindAll("[data-testid=template-none]"));
    }

    [Fact]
    public async Task With_no_approved_template_the_composer_says_who_can_add_one()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddHours(-25), lastInboundAt: Now.AddHours(-25));
        h.Templates.Setup(t => t.ForConversationAsync(ComponentHarness.SignedInScope, conversation.Id, It.IsAny<CancellationToken>())).ReturnsAsync([]);

        var cut = Render(h, conversation);

        cut.WaitForAssertion(() => Assert.Contains("Admin → Templates", cut.Find("[data-testid=template-none]").TextContent));
    }

    [Fact]
    public async Task An_open_window_says_where_the_reply_goes_and_until_when()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Anna Müller", Now.AddHours(-1), lastInboundAt: Now.AddHours(-1));

        var cut = Render(h, conversation);

        // FakeTimeProvider's local zone is UTC: the window closes 24 h after 09:00 UTC.
        Assert.Equal("Reply on WhatsApp · window open until tomorrow 09:00", cut.Find("[data-testid=composer-window]").TextContent.Trim());
    }

    [Fact]
    public async Task A_Messenger_patient_who_wrote_two_days_ago_can_still_be_answered_by_a_person_and_the_hint_says_until_when()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Maria Santos", Now.AddDays(-2), lastInboundAt: Now.AddDays(-2), channel: ChannelKind.Messenger);

        var cut = Render(h, conversation);

        Assert.StartsWith("Reply on Messenger as a person (human-agent reply) · allowed until", cut.Find("[data-testid=composer-window]").TextContent.Trim());
        Assert.False(cut.Find("[data-testid=composer-send]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_Messenger_patient_silent_for_over_a_week_must_write_first()
    {
        await using var h = new ComponentHarness(_time);
        var conversation = Conversation("Maria Santos", Now.AddDays(-8), lastInboundAt: Now.AddDays(-8), channel: ChannelKind.Messenger);

        var cut = Render(h, conversation);

        Assert.Equal("Window closed on Messenger — the patient must write first", cut.Find("[data-testid=composer-window]").TextContent.Trim());
    }

    private static IRenderedComponent<Composer> Render(ComponentHarness h, ConversationListItem conversation) =>
        h.Context.Render<Composer>(p => p.Add(c => c.Conversation, conversation));
}
