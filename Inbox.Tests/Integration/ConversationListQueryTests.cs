using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Labels;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>The inbox's views and filters over real SQLite: what each returns, its counts, and that each is an index seek (no scan, no sort).</summary>
public sealed class ConversationListQueryTests(ConversationListQueryTests.App app) : IClassFixture<ConversationListQueryTests.App>, IAsyncLifetime
{
    public sealed class App : InboxWebApplicationFactory;

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private string _me = "";
    private Guid _inbox;
    private Guid _label;
    private Guid _team;
    private readonly Dictionary<string, Guid> _ids = [];

    public async Task InitializeAsync()
    {
        _me = await StaffAccounts.IdOfAsync(app, StaffSignIn.Receptionist);
        await using var db = app.CreateDbContext();
        _inbox = (await db.SharedInboxes.FirstAsync()).Id;
        _team = (await db.Teams.FirstAsync()).Id;
        if (await db.Labels.FirstOrDefaultAsync(l => l.Name == "Lab results") is { } existing) _label = existing.Id;
        else
        {
            var label = new Label("Lab results", "#43a047", T0);
            db.Labels.Add(label);
            _label = label.Id;
        }
        if (await db.Conversations.AnyAsync())
        {
            foreach (var c in await db.Conversations.Join(db.Contacts, c => c.ContactId, k => k.Id, (c, k) => new { c.Id, k.Name }).ToListAsync()) _ids[c.Name] = c.Id;
            return;
        }
        // Six patients, one per view, with the view's state.
        Add(db, "mine", c => c.AssignTo(_me, null, T0), minutes: 1);
        Add(db, "unassigned", _ => { }, minutes: 2);
        Add(db, "pending", c => c.MarkPending(), minutes: 3);
        Add(db, "snoozed", c => c.Snooze(T0.AddDays(30), T0), minutes: 4);
        Add(db, "resolved", c => db.ConversationEpisodes.Add(c.Resolve(T0.AddHours(1), _me)), minutes: 5);
        Add(db, "urgent team", c => { c.ChangePriority(Priority.Urgent); c.AssignTo(null, _team, T0); db.ConversationLabels.Add(new ConversationLabel(c.Id, _label)); }, minutes: 6);
        await db.SaveChangesAsync();
    }

    private void Add(InboxDbContext db, string name, Action<Conversation> arrange, int minutes)
    {
        var contact = new Inbox.Core.Contacts.Contact(name, null, T0);
        var identity = contact.AddIdentity(ChannelKind.WhatsApp, "acct-1", $"wa-{name}", name, null);
        var conversation = new Conversation(contact.Id, _inbox, T0);
        var message = Message.Inbound(conversation.Id, identity.Id, new InboundMessage(ChannelKind.WhatsApp, "acct-1", T0.AddMinutes(minutes), new InboundSender($"wa-{name}", name, null), $"wamid.{name}", MessageType.Text, "Hello"));
        conversation.RecordInbound(message);
        arrange(conversation);
        db.AddRange(contact, identity, conversation, message);
        _ids[name] = conversation.Id;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(InboxView.Mine, "mine")]
    [InlineData(InboxView.Unassigned, "unassigned,urgent team")]
    [InlineData(InboxView.AllOpen, "mine,unassigned,urgent team")]
    [InlineData(InboxView.Pending, "pending")]
    [InlineData(InboxView.Snoozed, "snoozed")]
    [InlineData(InboxView.Resolved, "resolved")]
    public async Task Each_view_lists_its_conversations_and_counts_them(InboxView view, string expected)
    {
        await using var db = app.CreateDbContext();
        var queries = new ConversationQueries(db);
        var scope = InboxScope.Only([_inbox]);
        var page = await queries.ListAsync(scope, new ConversationFilter().For(view, _me), 50, null, CancellationToken.None);
        var names = expected.Split(',');
        Assert.Equal(names.Select(n => _ids[n]).Order(), page.Items.Select(i => i.Id).Order());
        var counts = await queries.CountsAsync(scope, _me, new ConversationFilter(), CancellationToken.None);
        Assert.Equal(names.Length, counts[view]);
    }

    [Fact]
    public async Task Filters_narrow_the_view_and_its_counts_and_items_carry_labels()
    {
        await using var db = app.CreateDbContext();
        var queries = new ConversationQueries(db);
        var scope = InboxScope.All;
        var byLabel = await queries.ListAsync(scope, new ConversationFilter(LabelId: _label).For(InboxView.AllOpen, _me), 50, null, CancellationToken.None);
        var item = Assert.Single(byLabel.Items);
        Assert.Equal(_ids["urgent team"], item.Id);
        Assert.Equal(["Lab results"], item.LabelChips.Select(l => l.Name));
        Assert.Single((await queries.ListAsync(scope, new ConversationFilter(Priority: Priority.Urgent).For(InboxView.AllOpen, _me), 50, null, CancellationToken.None)).Items);
        Assert.Single((await queries.ListAsync(scope, new ConversationFilter(TeamId: _team).For(InboxView.Unassigned, _me), 50, null, CancellationToken.None)).Items);
        var counts = await queries.CountsAsync(scope, _me, new ConversationFilter(LabelId: _label), CancellationToken.None);
        Assert.Equal((0, 1, 1, 0), (counts[InboxView.Mine], counts[InboxView.Unassigned], counts[InboxView.AllOpen], counts[InboxView.Resolved]));
    }

    [Fact]
    public async Task Unread_is_per_person_reading_marks_it_for_me_only()
    {
        var other = await StaffAccounts.IdOfAsync(app, StaffSignIn.Agent);
        var id = _ids["unassigned"];
        await using (var db = app.CreateDbContext())
        {
            db.ReadMarkers.RemoveRange(db.ReadMarkers.Where(m => m.ConversationId == id));
            await db.SaveChangesAsync();
            var before = await new ConversationQueries(db).ListAsync(InboxScope.All, new ConversationFilter(ViewerId: _me).For(InboxView.AllOpen, _me), 50, null, CancellationToken.None);
            Assert.True(before.Items.Single(i => i.Id == id).UnreadForMe);
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IConversationWorkflow>().MarkReadAsync(InboxScope.All, id, _me, CancellationToken.None);

        await using var read = app.CreateDbContext();
        var queries = new ConversationQueries(read);
        var mine = await queries.ListAsync(InboxScope.All, new ConversationFilter(ViewerId: _me).For(InboxView.AllOpen, _me), 50, null, CancellationToken.None);
        var theirs = await queries.ListAsync(InboxScope.All, new ConversationFilter(ViewerId: other).For(InboxView.AllOpen, other), 50, null, CancellationToken.None);
        Assert.False(mine.Items.Single(i => i.Id == id).UnreadForMe);
        Assert.True(theirs.Items.Single(i => i.Id == id).UnreadForMe);
    }

    public static TheoryData<string, ConversationFilter> HotFilters => new()
    {
        { "no filter", new ConversationFilter() },
        { "label", new ConversationFilter(LabelId: Guid.NewGuid()) },
        { "priority", new ConversationFilter(Priority: Priority.Urgent) },
        { "team", new ConversationFilter(TeamId: Guid.NewGuid()) },
        { "assignee", new ConversationFilter(AssigneeId: "someone") },
        { "channel", new ConversationFilter(Channel: ChannelKind.Line) },
        { "channel account", new ConversationFilter(AccountId: "acct-1") },
    };

    [Theory]
    [MemberData(nameof(HotFilters))]
    public async Task Every_view_and_filter_is_an_index_seek_read_in_order(string name, ConversationFilter filter)
    {
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite($"Data Source={app.DatabasePath}").AddInterceptors(capture).Options;
        await using var db = new SqliteInboxDbContext(options);
        var queries = new ConversationQueries(db);
        var cursor = new Cursor(T0.AddMinutes(3), Guid.NewGuid()).Encode();
        var problems = new List<string>();
        // A receptionist (one inbox) and an admin (every inbox), first page and a later one.
        foreach (var scope in new[] { InboxScope.Only([_inbox]), InboxScope.All })
        // No view at all too: the API's list and a contact's threads (every status, folded threads excluded).
        foreach (var view in Enum.GetValues<InboxView>().Cast<InboxView?>().Append(null))
        foreach (var after in new[] { null, cursor })
        {
            capture.Clear();
            await queries.ListAsync(scope, (view is { } v ? filter.For(v, _me) : filter) with { ViewerId = _me }, 50, after, CancellationToken.None);
            var plan = Plan(capture.All.First(q => q.Sql.Contains("FROM \"Conversations\"", StringComparison.Ordinal)));
            var where = $"{name} / {view} / {(scope.SeesAll ? "all" : "one inbox")} / {(after is null ? "first page" : "next page")}";
            // Without a view (the API, every status) an admin's list may walk the time-ordered index and stop at the page:
            // that is an ordered read, not a scan of the table. Everything else seeks.
            var orderedWalk = view is null && plan.Any(s => s.StartsWith("SCAN c USING INDEX IX_Conversations_LastMessageAt_Id", StringComparison.Ordinal));
            if (!orderedWalk && !plan.Any(s => s.StartsWith("SEARCH c USING", StringComparison.Ordinal))) problems.Add($"{where}: no index seek on conversations: {string.Join(" | ", plan)}");
            if (!orderedWalk && plan.Any(s => s.StartsWith("SCAN c", StringComparison.Ordinal))) problems.Add($"{where}: scans conversations: {string.Join(" | ", plan)}");
            if (plan.Any(s => s.Contains("TEMP B-TREE", StringComparison.Ordinal))) problems.Add($"{where}: sorts: {string.Join(" | ", plan)}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private List<string> Plan(CommandCapture.Captured query) => QueryPlans.Of(app.DatabasePath, query);
}
