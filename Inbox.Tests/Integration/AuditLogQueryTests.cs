using Inbox.Core.Audit;
using Inbox.Infrastructure.Audit;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Integration;

/// <summary>
/// The one audit query the screen and the API share, on a real SQLite file: filters, newest-first keyset
/// paging, an index behind every filter, and the chain check finding a rewritten or removed entry.
/// </summary>
public sealed class AuditLogQueryTests(AuditLogQueryTests.App app) : IClassFixture<AuditLogQueryTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // Each test writes its own actors and records, so tests sharing the log do not see each other's entries.
    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private static AuditEntry Entry(DateTimeOffset at, string actorId, string action, string subjectType, string subjectId) =>
        new(at, new AuditActor("staff", actorId, "Test " + actorId), action, subjectType, subjectId, "10.0.0.7");

    private async Task RecordAsync(params AuditEntry[] entries) =>
        await app.Services.GetRequiredService<IAuditTrail>().RecordAsync(entries, CancellationToken.None);

    private async Task<List<AuditLogEntry>> ListAllAsync(AuditFilter filter, int limit = 50)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();
        var all = new List<AuditLogEntry>();
        string? cursor = null;
        do
        {
            var page = await log.ListAsync(filter, limit, cursor, CancellationToken.None);
            Assert.True(page.Items.Count <= limit);
            all.AddRange(page.Items);
            cursor = page.Next;
        } while (cursor is not null);
        return all;
    }

    [Fact]
    public async Task Each_filter_narrows_to_matching_entries_newest_first()
    {
        var (anna, ben) = (Unique("anna"), Unique("ben"));
        var (conversation, contact) = (Unique("conv"), Unique("contact"));
        await RecordAsync(
            Entry(Monday, anna, AuditActions.ConversationRead, AuditSubjects.Conversation, conversation),
            Entry(Monday.AddMinutes(1), ben, AuditActions.ConversationRead, AuditSubjects.Conversation, conversation),
            Entry(Monday.AddMinutes(2), anna, AuditActions.ContactRead, AuditSubjects.Contact, contact),
            Entry(Monday.AddMinutes(3), anna, AuditActions.MessageSend, AuditSubjects.Conversation, conversation));

        var byAnna = await ListAllAsync(new AuditFilter(ActorId: anna));
        Assert.Equal([AuditActions.MessageSend, AuditActions.ContactRead, AuditActions.ConversationRead], byAnna.Select(e => e.Action));
        Assert.All(byAnna, e => Assert.Equal("Test " + anna, e.Actor.Name));

        var aboutConversation = await ListAllAsync(new AuditFilter(SubjectType: AuditSubjects.Conversation, SubjectId: conversation));
        Assert.Equal([anna, ben, anna], aboutConversation.Select(e => e.Actor.Id));

        var annaSending = await ListAllAsync(new AuditFilter(ActorId: anna, Action: AuditActions.MessageSend));
        Assert.Equal(Monday.AddMinutes(3), Assert.Single(annaSending).At);

        var annaOnContacts = await ListAllAsync(new AuditFilter(ActorId: anna, SubjectType: AuditSubjects.Contact));
        Assert.Equal(contact, Assert.Single(annaOnContacts).SubjectId);
    }

    [Fact]
    public async Task A_date_range_includes_its_start_and_excludes_its_end()
    {
        var actor = Unique("dates");
        await RecordAsync(
            Entry(Monday.AddDays(-1), actor, AuditActions.ConversationRead, AuditSubjects.Conversation, "before"),
            Entry(Monday, actor, AuditActions.ConversationRead, AuditSubjects.Conversation, "at-start"),
            Entry(Monday.AddHours(23), actor, AuditActions.ConversationRead, AuditSubjects.Conversation, "late"),
            Entry(Monday.AddDays(1), actor, AuditActions.ConversationRead, AuditSubjects.Conversation, "at-end"));

        var monday = await ListAllAsync(new AuditFilter(From: Monday, To: Monday.AddDays(1), ActorId: actor));

        Assert.Equal(["late", "at-start"], monday.Select(e => e.SubjectId));
    }

    [Fact]
    public async Task Pages_follow_each_other_without_gaps_or_repeats_even_within_one_instant()
    {
        var actor = Unique("pages");
        // Three entries share one timestamp: the id breaks the tie, so no page boundary can skip or repeat one.
        var entries = Enumerable.Range(0, 7)
            .Select(i => Entry(Monday.AddSeconds(i < 3 ? 0 : i), actor, AuditActions.ContactList, AuditSubjects.Contact, $"c{i}"))
            .ToArray();
        await RecordAsync(entries);

        var paged = await ListAllAsync(new AuditFilter(ActorId: actor), limit: 2);
        var whole = await ListAllAsync(new AuditFilter(ActorId: actor), limit: 50);

        Assert.Equal(7, paged.Count);
        Assert.Equal(whole.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(["c6", "c5", "c4", "c3", "c2", "c1", "c0"], paged.Select(e => e.SubjectId));
    }

    [Fact]
    public async Task A_cursor_the_query_did_not_make_is_refused()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<IAuditLog>();

        await Assert.ThrowsAsync<FormatException>(() => log.ListAsync(new AuditFilter(), 10, "not-a-cursor", CancellationToken.None));
    }

    [Fact]
    public async Task The_api_pages_with_the_same_query_and_filters_by_action()
    {
        var actor = Unique("api");
        await RecordAsync(
            Entry(Monday, actor, AuditActions.ContactRead, AuditSubjects.Contact, "x1"),
            Entry(Monday.AddMinutes(1), actor, AuditActions.ContactRead, AuditSubjects.Contact, "x2"),
            Entry(Monday.AddMinutes(2), actor, AuditActions.ContactList, AuditSubjects.Contact, "x3"),
            Entry(Monday.AddMinutes(3), actor, AuditActions.ContactRead, AuditSubjects.Contact, "x4"));
        var api = app.CreateApiClient();

        var first = await api.GetOkAsync($"/api/v1/audit?actorId={actor}&action={AuditActions.ContactRead}&limit=2");
        var next = first.GetProperty("next").GetString();
        var second = await api.GetOkAsync($"/api/v1/audit?actorId={actor}&action={AuditActions.ContactRead}&limit=2&cursor={next}");

        Assert.Equal(["x4", "x2"], first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subjectId").GetString()));
        Assert.Equal(["x1"], second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subjectId").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("next").ValueKind);
    }

    public static TheoryData<string, AuditFilter, string> Filters => new()
    {
        { "newest first", new AuditFilter(), "IX_AuditLog_At" },
        { "dates", new AuditFilter(From: Monday, To: Monday.AddDays(1)), "IX_AuditLog_At" },
        { "actor", new AuditFilter(ActorId: "a"), "IX_AuditLog_ActorId_At" },
        { "actor and dates", new AuditFilter(From: Monday, To: Monday.AddDays(1), ActorId: "a"), "IX_AuditLog_ActorId_At" },
        { "action", new AuditFilter(Action: AuditActions.ContactRead), "IX_AuditLog_Action_At" },
        { "record type", new AuditFilter(SubjectType: AuditSubjects.Contact), "IX_AuditLog_SubjectType_At" },
        { "record", new AuditFilter(SubjectType: AuditSubjects.Contact, SubjectId: "c"), "IX_AuditLog_SubjectType_SubjectId_At" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_filter_reads_its_index_in_order_without_a_scan_or_a_sort(string name, AuditFilter filter, string index)
    {
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite($"Data Source={app.DatabasePath}").AddInterceptors(capture).Options;
        await using var db = new SqliteInboxDbContext(options);
        var log = new AuditLogQueries(db, Options.Create(new Inbox.Infrastructure.Auth.ApiOptions()));

        // A second page too: the cursor's condition must keep the index usable.
        var after = new AuditCursor(Monday.AddHours(12), 1_000).Encode();
        foreach (var cursor in new[] { null, after })
        {
            await log.ListAsync(filter, 50, cursor, CancellationToken.None);
            var plan = Plan(capture.Last!);
            Assert.True(plan.Any(step => step.Contains($"USING INDEX {index}", StringComparison.Ordinal)), $"{name}: {string.Join(" | ", plan)}");
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
            if (filter != new AuditFilter()) Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal));
        }
    }

    private List<string> Plan(CommandCapture.Captured query) => QueryPlans.Of(app.DatabasePath, query);

    [Fact]
    public async Task The_chain_check_names_a_rewritten_entry_and_an_entry_after_a_removed_one()
    {
        // Its own database: the tampering must not break the chain other tests verify.
        using var own = new InboxWebApplicationFactory();
        var trail = own.Services.GetRequiredService<IAuditTrail>();
        var actor = Unique("chain");
        await trail.RecordAsync([.. Enumerable.Range(0, 5).Select(i => Entry(Monday.AddMinutes(i), actor, AuditActions.ConversationRead, AuditSubjects.Conversation, $"t{i}"))], CancellationToken.None);
        List<AuditRecord> rows;
        await using (var db = own.CreateDbContext())
            rows = await db.AuditLog.AsNoTracking().Where(a => a.ActorId == actor).OrderBy(a => a.Id).ToListAsync();

        Assert.True((await VerifyAsync(own)).Intact);

        // Someone with database access hides which record was read.
        await using (var db = own.CreateDbContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditLog SET SubjectId = 'other' WHERE Id = {rows[2].Id}");
        var changed = await VerifyAsync(own);
        Assert.False(changed.Intact);
        Assert.Equal(rows[2].Id, changed.FirstBrokenId);
        Assert.Equal(AuditBreak.EntryChanged, changed.Break);
        Assert.Equal(rows[2].At, changed.FirstBrokenAt);

        // Put it back, then remove an entry instead: the next one no longer links to its predecessor.
        await using (var db = own.CreateDbContext())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE AuditLog SET SubjectId = 't2' WHERE Id = {rows[2].Id}");
            Assert.True((await VerifyAsync(own)).Intact);
            await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM AuditLog WHERE Id = {rows[1].Id}");
        }
        var removed = await VerifyAsync(own);
        Assert.False(removed.Intact);
        Assert.Equal(rows[2].Id, removed.FirstBrokenId);
        Assert.Equal(AuditBreak.LinkBroken, removed.Break);
    }

    private static async Task<AuditVerification> VerifyAsync(InboxWebApplicationFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
    }
}
