using Inbox.Core.CannedReplies;
using Inbox.Core.Common;
using Inbox.Core.Search;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Search;
using Inbox.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Search over contacts and message text (FTS5 on SQLite), within the caller's inboxes; and the canned reply catalogue.</summary>
public sealed class SearchTests : IClassFixture<SearchTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        // A German clinic: staff type numbers the German way.
        public InboxWebApplicationFactory App { get; } = new(new Dictionary<string, string?> { ["Contacts:DefaultRegion"] = "DE" });

        public void Dispose() => App.Dispose();
    }

    private readonly InboxWebApplicationFactory _app;

    public SearchTests(Fixture fixture) => _app = fixture.App;

    private async Task<Guid> PatientWritesAsync(string waId, string name, string text)
    {
        (await _app.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, name, text))).EnsureSuccessStatusCode();
        await using var db = _app.CreateDbContext();
        var message = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Text == text), m => m is not null, because: "the webhook is processed");
        return message!.ConversationId;
    }

    private async Task<SearchResults> SearchAsync(string query, InboxScope? scope = null)
    {
        await using var services = _app.Services.CreateAsyncScope();
        return await services.ServiceProvider.GetRequiredService<IInboxSearch>().SearchAsync(scope ?? InboxScope.All, query, 10, CancellationToken.None);
    }

    [Fact]
    public async Task A_phone_number_typed_the_local_way_finds_the_patient_and_their_latest_conversation()
    {
        var conversation = await PatientWritesAsync("4915112345678", "Jonas Becker", "Guten Tag");

        var results = await SearchAsync("0151 1234 5678");

        var hit = Assert.Single(results.Contacts);
        Assert.Equal(("Jonas Becker", "+4915112345678", conversation), (hit.Name, hit.Phone, hit.LatestConversationId));
        Assert.Single((await SearchAsync("+49 151 12345678")).Contacts);
        Assert.Contains((await SearchAsync("Becker")).Contacts, c => c.Name == "Jonas Becker");
    }

    [Fact]
    public async Task Message_text_is_found_by_word_prefix_with_the_match_marked_and_only_within_the_callers_inboxes()
    {
        var conversation = await PatientWritesAsync("4915112345001", "Lena Vogel", "My knee still hurts after the physiotherapy session");

        var results = await SearchAsync("physio knee");

        var hit = Assert.Single(results.Messages, m => m.ConversationId == conversation);
        Assert.Equal("Lena Vogel", hit.ContactName);
        Assert.Contains($"{SearchMarks.Start}physiotherapy{SearchMarks.End}", hit.Snippet);
        Assert.Contains($"{SearchMarks.Start}knee{SearchMarks.End}", hit.Snippet);
        // Another team's inboxes: nothing of this clinic's patients shows.
        var outside = await SearchAsync("physio knee", InboxScope.Only([Guid.NewGuid()]));
        Assert.Empty(outside.Messages);
        Assert.Empty(outside.Contacts);
        // Words typed as FTS syntax are only words.
        Assert.Empty((await SearchAsync("physio\" OR NEAR(")).Messages);
    }

    [Fact]
    public async Task The_message_search_reads_the_fts_index_not_the_messages_table()
    {
        await PatientWritesAsync("4915112345002", "Plan Check", "Checking the query plan of search");
        using var connection = new SqliteConnection($"Data Source={_app.DatabasePath};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Format(System.Globalization.CultureInfo.InvariantCulture, InboxSearch.SqliteSql, "");
        command.Parameters.AddWithValue("@query", "\"plan\"*");
        command.Parameters.AddWithValue("@limit", 10);
        var steps = new List<string>();
        using (var reader = command.ExecuteReader()) while (reader.Read()) steps.Add(reader.GetString(3));

        Assert.Contains(steps, s => s.StartsWith("SCAN MessageSearch VIRTUAL TABLE INDEX", StringComparison.Ordinal));
        // Every other table is reached by key, never scanned.
        Assert.DoesNotContain(steps, s => s.StartsWith("SCAN m", StringComparison.Ordinal) || s.StartsWith("SCAN c", StringComparison.Ordinal) || s.StartsWith("SCAN ct", StringComparison.Ordinal));
        Assert.DoesNotContain(steps, s => s.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_whose_text_changes_or_is_deleted_is_found_by_its_new_text_only()
    {
        var conversation = await PatientWritesAsync("4915112345003", "Trigger Test", "zebracrossing appointment");
        await using (var db = _app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE Messages SET Text = 'giraffeneck appointment' WHERE Text = 'zebracrossing appointment'");

        Assert.Empty((await SearchAsync("zebracrossing")).Messages);
        Assert.Single((await SearchAsync("giraffeneck")).Messages);
        await using (var db = _app.CreateDbContext())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM Messages WHERE Text = 'giraffeneck appointment'");
        Assert.Empty((await SearchAsync("giraffeneck")).Messages);
        Assert.NotEqual(Guid.Empty, conversation);
    }

    [Fact]
    public async Task Canned_replies_are_found_by_shortcut_prefix_or_title_and_a_taken_shortcut_is_refused()
    {
        await using var services = _app.Services.CreateAsyncScope();
        var canned = services.ServiceProvider.GetRequiredService<ICannedReplies>();
        await canned.AddAsync("/Hours", "Opening hours", "We are open {{clinic.hours}}.", CancellationToken.None);
        await canned.AddAsync("parking", "Where to park", "Park behind the building.", CancellationToken.None);

        Assert.Equal(["hours"], (await canned.SearchAsync("/ho", 5, CancellationToken.None)).Select(r => r.Shortcut));
        Assert.Equal(["parking"], (await canned.SearchAsync("park", 5, CancellationToken.None)).Select(r => r.Shortcut));
        Assert.Equal(["hours"], (await canned.SearchAsync("opening", 5, CancellationToken.None)).Select(r => r.Shortcut));
        var taken = await Assert.ThrowsAsync<InboxDomainException>(() => canned.AddAsync("hours", "Again", "x", CancellationToken.None));
        Assert.Contains("/hours is taken", taken.Message);
    }
}
