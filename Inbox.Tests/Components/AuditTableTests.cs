using AngleSharp.Dom;
using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Web.Components.Pages.Audit;
using Moq;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

public sealed class AuditTableTests
{
    private static AuditLogEntry Entry(long id, string action = AuditActions.ConversationRead, string kind = "staff", string name = "Sam Supervisor") =>
        new(id, Now.AddMinutes(-id), new AuditActor(kind, "actor-" + id, name), action, AuditSubjects.Conversation, $"subject-{id}", "10.0.0.7");

    private static Page<AuditLogEntry> PageOf(string? next, params long[] ids) => new([.. ids.Select(id => Entry(id))], next);

    private static void Answer(ComponentHarness h, AuditFilter filter, string? cursor, Page<AuditLogEntry> page) =>
        h.AuditLog.Setup(l => l.ListAsync(filter, AuditTable.PageSize, cursor, It.IsAny<CancellationToken>())).ReturnsAsync(page);

    private static IEnumerable<string> Ids(IRenderedComponent<AuditTable> cut) =>
        cut.FindAll("[data-testid=audit-row]").Select(r => r.GetAttribute("data-entry-id")!);

    [Fact]
    public async Task Rows_say_who_did_what_to_which_record_in_plain_words()
    {
        await using var h = new ComponentHarness();
        var filter = new AuditFilter();
        h.AuditLog.Setup(l => l.ListAsync(filter, AuditTable.PageSize, null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Page<AuditLogEntry>([Entry(2, AuditActions.MessageSend), Entry(1, AuditActions.ContactList, "apiKey", "crm-sync")], null));

        var cut = h.Context.Render<AuditTable>(p => p.Add(t => t.Filter, filter));

        var rows = cut.FindAll("[data-testid=audit-row]");
        Assert.Equal([AuditActions.MessageSend, AuditActions.ContactList], rows.Select(r => r.GetAttribute("data-action")));
        Assert.Contains("Sent a reply", rows[0].TextContent);
        Assert.Contains("Sam Supervisor", rows[0].QuerySelector("[data-testid=audit-actor]")!.TextContent);
        Assert.Contains("subject-2", rows[0].TextContent);
        Assert.Contains("10.0.0.7", rows[0].TextContent);
        Assert.Contains("API key", rows[1].TextContent);
        Assert.Contains("Listed patients", rows[1].TextContent);
        Assert.Equal("Entries 1–2", cut.Find("[data-testid=audit-range]").TextContent);
        Assert.True(cut.Find("[data-testid=audit-older]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Older_follows_the_pages_cursor_and_newer_goes_back_the_same_way()
    {
        await using var h = new ComponentHarness();
        var filter = new AuditFilter(ActorId: "actor-1");
        Answer(h, filter, null, PageOf("cursor-2", 9, 8));
        Answer(h, filter, "cursor-2", PageOf("cursor-3", 7, 6));
        Answer(h, filter, "cursor-3", PageOf(null, 5));
        var cut = h.Context.Render<AuditTable>(p => p.Add(t => t.Filter, filter));

        cut.Find("[data-testid=audit-older]").Click();
        cut.Find("[data-testid=audit-older]").Click();
        Assert.Equal(["5"], Ids(cut));
        Assert.Equal($"Entries {2 * AuditTable.PageSize + 1}–{2 * AuditTable.PageSize + 1}", cut.Find("[data-testid=audit-range]").TextContent);
        Assert.True(cut.Find("[data-testid=audit-older]").HasAttribute("disabled"));

        cut.Find("[data-testid=audit-newer]").Click();
        Assert.Equal(["7", "6"], Ids(cut));
        cut.Find("[data-testid=audit-newer]").Click();
        Assert.Equal(["9", "8"], Ids(cut));
        Assert.True(cut.Find("[data-testid=audit-newer]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_new_filter_starts_again_from_the_newest_entry()
    {
        await using var h = new ComponentHarness();
        var all = new AuditFilter();
        var oneRecord = new AuditFilter(SubjectType: AuditSubjects.Conversation, SubjectId: "subject-8");
        Answer(h, all, null, PageOf("cursor-2", 9, 8));
        Answer(h, all, "cursor-2", PageOf(null, 7));
        Answer(h, oneRecord, null, PageOf(null, 8));
        var cut = h.Context.Render<AuditTable>(p => p.Add(t => t.Filter, all));
        cut.Find("[data-testid=audit-older]").Click();

        cut.Render(p => p.Add(t => t.Filter, oneRecord));

        Assert.Equal(["8"], Ids(cut));
        Assert.True(cut.Find("[data-testid=audit-newer]").HasAttribute("disabled"));
        h.AuditLog.Verify(l => l.ListAsync(oneRecord, AuditTable.PageSize, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_filter_button_on_a_row_asks_for_every_entry_about_that_record()
    {
        await using var h = new ComponentHarness();
        var filter = new AuditFilter();
        Answer(h, filter, null, PageOf(null, 4));
        (string Type, string Id)? picked = null;
        var cut = h.Context.Render<AuditTable>(p => p
            .Add(t => t.Filter, filter)
            .Add(t => t.SubjectPicked, ((string Type, string Id) subject) => picked = subject));

        cut.Find("[data-testid=audit-row] button[aria-label='Show every entry for this record']").Click();

        Assert.Equal((AuditSubjects.Conversation, "subject-4"), picked);
    }

    [Fact]
    public async Task No_matching_entries_says_so()
    {
        await using var h = new ComponentHarness();
        var filter = new AuditFilter(Action: AuditActions.ApiKeyRevoke);
        Answer(h, filter, null, PageOf(null));

        var cut = h.Context.Render<AuditTable>(p => p.Add(t => t.Filter, filter));

        Assert.Equal("No entries match these filters.", cut.Find("[data-testid=audit-empty]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=audit-row]"));
    }
}
