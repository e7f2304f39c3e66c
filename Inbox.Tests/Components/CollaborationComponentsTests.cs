using Bunit;
using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Inbox.Core.Realtime;
using Inbox.Core.Teams;
using Inbox.Web.Components.Pages.Inbox;
using Inbox.Web.Components.Pages.Inbox.Keyboard;
using Inbox.Web.Components.Pages.Inbox.Notifications;
using Inbox.Web.Components.Pages.Inbox.Presence;
using Inbox.Web.Components.Pages.Inbox.Search;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

/// <summary>Notes in the thread, the mentions bell, the shortcut overlay and "is typing".</summary>
public sealed class CollaborationComponentsTests
{
    private readonly Guid _conversation = Guid.NewGuid();

    [Fact]
    public async Task A_note_shows_as_a_private_card_with_its_author_and_emphasised_mentions_not_as_a_message()
    {
        await using var h = new ComponentHarness();
        var note = Outbound(_conversation, "@Nurse Lee please check her allergy list", Now, DeliveryStatus.Sent)
            with { Type = MessageType.Note, Author = MessageAuthor.Agent("u-rita", "Rita Reception") };

        var cut = h.Context.Render<MessageBubble>(p => p.Add(b => b.Message, note));

        var card = cut.Find("[data-testid=note]");
        Assert.Contains("Private note", card.TextContent);
        Assert.Contains("Rita Reception", card.TextContent);
        Assert.Equal("@Nurse Lee", cut.Find("[data-testid=note-mention]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=message]"));
        Assert.Empty(cut.FindAll(".delivery-ticks")); // nothing was delivered to anyone
    }

    [Fact]
    public async Task The_bell_counts_unread_mentions_lists_them_with_links_and_updates_live()
    {
        await using var h = new ComponentHarness();
        var mention = new MentionView(Guid.NewGuid(), _conversation, Guid.NewGuid(), "Anna Müller", "Nurse Lee", "@Rita Reception can you call her?", Now, false);
        h.MentionInbox.SetupSequence(m => m.UnreadCountAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<CancellationToken>())).ReturnsAsync(1).ReturnsAsync(2);
        h.MentionInbox.Setup(m => m.LatestAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([mention]);

        var cut = h.Context.Render<MentionBell>();

        Assert.Equal("1", cut.Find("[data-testid=mention-count]").TextContent);
        cut.Find("[data-testid=mention-bell]").Click();
        var item = cut.Find("[data-testid=mention-item]");
        Assert.Equal($"conversations/{_conversation}?message={mention.NoteId}", item.GetAttribute("href"));
        Assert.Contains("Nurse Lee on Anna Müller", item.TextContent);
        // The list names a patient: opening it is audited as a read of that conversation.
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<Inbox.Core.Audit.AuditEntry>>(e =>
            e.Single().Action == Inbox.Core.Audit.AuditActions.MentionList && e.Single().SubjectId == _conversation.ToString()), It.IsAny<CancellationToken>()), Times.Once);

        // A colleague writes another note naming me: the count follows without a reload.
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.Mentioned, Guid.NewGuid(), Guid.NewGuid())]);
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find("[data-testid=mention-count]").TextContent));
    }

    [Fact]
    public async Task The_bell_ignores_ordinary_messages_and_reads_its_list_only_when_opened()
    {
        await using var h = new ComponentHarness();
        h.MentionInbox.Setup(m => m.UnreadCountAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<CancellationToken>())).ReturnsAsync(1);
        h.MentionInbox.Setup(m => m.LatestAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var cut = h.Context.Render<MentionBell>();

        // A patient's message, then a note naming someone: only the note makes the bell count again.
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.MessageAdded, _conversation, Guid.NewGuid())]);
        await h.Feed.PublishAsync([new InboxChange(InboxChangeKind.Mentioned, _conversation, Guid.NewGuid())]);
        cut.WaitForAssertion(() => h.MentionInbox.Verify(m => m.UnreadCountAsync(It.IsAny<InboxScope>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(2)));
        h.MentionInbox.Verify(m => m.LatestAsync(It.IsAny<InboxScope>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);

        cut.Find("[data-testid=mention-bell]").Click();
        h.MentionInbox.Verify(m => m.LatestAsync(ComponentHarness.SignedInScope, ComponentHarness.SignedInUserId, It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_prerendered_bell_reads_and_writes_nothing()
    {
        await using var h = new ComponentHarness();
        h.Context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var cut = h.Context.Render<MentionBell>();

        Assert.Empty(cut.FindAll("[data-testid=mention-count]"));
        h.MentionInbox.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Question_mark_opens_an_overlay_listing_every_shortcut_and_Escape_closes_it()
    {
        await using var h = new ComponentHarness();
        var cut = h.Context.Render<KeyboardShortcuts>();
        Assert.Empty(cut.FindAll("[data-testid=shortcut-overlay]"));

        await cut.InvokeAsync(() => cut.Instance.OnShortcut("?", ctrl: false));

        var rows = cut.FindAll("[data-testid=shortcut-row]");
        Assert.Equal(Shortcuts.All.Count, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("Ctrl+K") && r.TextContent.Contains("Search"));
        Assert.Contains(rows, r => r.TextContent.Contains('j') && r.TextContent.Contains("Next conversation"));
        await cut.InvokeAsync(() => cut.Instance.OnShortcut("Escape", ctrl: false));
        Assert.Empty(cut.FindAll("[data-testid=shortcut-overlay]"));
    }

    [Fact]
    public async Task Shortcuts_j_and_k_walk_the_list_in_its_order_and_r_and_n_reach_the_composer()
    {
        await using var h = new ComponentHarness();
        var commands = h.Context.Services.GetService(typeof(InboxCommands)) as InboxCommands;
        var ids = new[] { Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid() };
        commands!.ListOrder = ids;
        var cut = h.Context.Render<KeyboardShortcuts>(p => p.Add(k => k.ConversationId, ids[1]));
        var navigation = h.Context.Services.GetService(typeof(Microsoft.AspNetCore.Components.NavigationManager)) as Microsoft.AspNetCore.Components.NavigationManager;

        await cut.InvokeAsync(() => cut.Instance.OnShortcut("j", ctrl: false));
        Assert.EndsWith($"conversations/{ids[2]}", navigation!.Uri);
        await cut.InvokeAsync(() => cut.Instance.OnShortcut("k", ctrl: false));
        Assert.EndsWith($"conversations/{ids[0]}", navigation.Uri);

        var raised = new List<InboxCommand>();
        commands.Raised += c => { raised.Add(c); return Task.FromResult(true); };
        await cut.InvokeAsync(() => cut.Instance.OnShortcut("n", ctrl: false));
        await cut.InvokeAsync(() => cut.Instance.OnShortcut("k", ctrl: true));
        Assert.Equal([InboxCommand.Note, InboxCommand.Search], raised);
    }

    [Fact]
    public async Task A_colleague_typing_shows_and_disappears_a_few_seconds_after_their_last_keystroke()
    {
        var time = new FakeTimeProvider(Now);
        await using var h = new ComponentHarness(time);
        using var lee = h.Presence.Enter(_conversation, "lee-tab", "u-lee", "Nurse Lee");
        var cut = h.Context.Render<TypingIndicator>(p => p.Add(t => t.ConversationId, _conversation));
        Assert.Equal("", cut.Find("[data-testid=typing-indicator]").TextContent.Trim());

        h.Presence.Typing(_conversation, "u-lee");
        cut.WaitForAssertion(() => Assert.Equal("Nurse Lee is typing…", cut.Find("[data-testid=typing-indicator]").TextContent.Trim()));

        time.Advance(TimeSpan.FromSeconds(3));
        h.Presence.Typing(_conversation, "u-lee"); // still typing: stays
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("Nurse Lee is typing…", cut.Find("[data-testid=typing-indicator]").TextContent.Trim());
        time.Advance(TimeSpan.FromSeconds(3)); // 6 s since the last ping
        cut.WaitForAssertion(() => Assert.Equal("", cut.Find("[data-testid=typing-indicator]").TextContent.Trim()));
    }

    [Fact]
    public async Task The_thread_header_shows_who_else_is_viewing_and_not_myself()
    {
        await using var h = new ComponentHarness();
        using var lee = h.Presence.Enter(_conversation, "lee-tab", "u-lee", "Nurse Lee");
        var cut = h.Context.Render<PresenceAvatars>(p => p.Add(a => a.ConversationId, _conversation));

        Assert.Equal(["Nurse Lee"], cut.FindAll("[data-testid=presence-viewer]").Select(v => v.GetAttribute("data-name")));
        Assert.Contains(h.Presence.In(_conversation), p => p.StaffId == ComponentHarness.SignedInUserId); // I am counted in for the others

        lee.Dispose();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=presence-viewer]")));
    }

    [Fact]
    public void Search_snippets_split_into_marked_and_plain_parts()
    {
        var parts = SearchBox.Highlight("…can I \u0002move\u0003 my \u0002check\u0003-up").ToList();

        Assert.Equal([("…can I ", false), ("move", true), (" my ", false), ("check", true), ("-up", false)], parts);
    }
}
