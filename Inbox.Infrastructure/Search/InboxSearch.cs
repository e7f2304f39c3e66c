using Inbox.Core.Contacts;
using Inbox.Core.Search;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Inbox.Infrastructure.Search;

/// <summary>
/// Contacts by phone (any format, parsed to E.164: one index seek), name or email; messages through the provider's
/// full-text index (SQLite FTS5 table <c>MessageSearch</c>, SQL Server CONTAINS), newest first, within the caller's inboxes.
/// </summary>
internal sealed class InboxSearch(InboxDbContext db, IConfiguration configuration) : IInboxSearch
{
    public async Task<SearchResults> SearchAsync(InboxScope scope, string query, int limit, CancellationToken ct)
    {
        query = (query ?? "").Trim();
        if (query.Length < 2) return SearchResults.Empty;
        var contacts = await ContactsAsync(scope, query, limit, ct);
        var words = SearchText.Words(query);
        var messages = words.Count == 0 ? [] : db.Database.IsSqlite()
            ? await SqliteMessagesAsync(scope, words, limit, ct)
            : await SqlServerMessagesAsync(scope, words, limit, ct);
        return new SearchResults(contacts, messages);
    }

    private async Task<IReadOnlyList<ContactHit>> ContactsAsync(InboxScope scope, string query, int limit, CancellationToken ct)
    {
        var visible = db.VisibleContacts(scope);
        var region = configuration["Contacts:DefaultRegion"] is { Length: > 0 } r ? r : null;
        // Anything that parses as a phone number is looked up as one ("0812 5550 105", "+62 812-5550-105").
        var byPhone = query.Count(char.IsDigit) >= 6 && PhoneNumber.TryParse(query, out var phone, region)
            ? visible.Where(c => c.Phone == phone.Value.Value)
            : visible.Where(c => c.Name.Contains(query) || (c.Email != null && c.Email.Contains(query)));
        var conversations = db.VisibleConversations(scope);
        return await byPhone.OrderBy(c => c.Name).Take(limit)
            .Select(c => new ContactHit(c.Id, c.Name, c.Phone, c.Email,
                conversations.Where(v => v.ContactId == c.Id).OrderByDescending(v => v.LastMessageAt).Select(v => (Guid?)v.Id).FirstOrDefault()))
            .ToListAsync(ct);
    }

    /// <summary>The SQLite statement; {0} is where the scope filter goes. Public to the tests, which read its query plan.</summary>
    internal const string SqliteSql = """
        SELECT m.Id AS MessageId, m.ConversationId AS ConversationId, ct.Name AS ContactName,
               snippet(MessageSearch, 0, char(2), char(3), '…', 16) AS Snippet, m.CreatedAt AS CreatedAt
        FROM MessageSearch
        JOIN Messages m ON m.rowid = MessageSearch.rowid
        JOIN Conversations c ON c.Id = m.ConversationId
        JOIN Contacts ct ON ct.Id = c.ContactId
        WHERE MessageSearch MATCH @query AND m.UnsentAt IS NULL {0}
        ORDER BY MessageSearch.rowid DESC
        LIMIT @limit
        """;

    private async Task<IReadOnlyList<MessageHit>> SqliteMessagesAsync(InboxScope scope, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var (filter, parameters) = ScopeFilter(scope, id => id.ToString().ToUpperInvariant());
        parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@query", SearchText.Fts5(words)));
        parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter("@limit", limit));
        var rows = await db.Database.SqlQueryRaw<SqliteHit>(string.Format(System.Globalization.CultureInfo.InvariantCulture, SqliteSql, filter), [.. parameters]).ToListAsync(ct);
        // Times are stored as DateTimeOffset binary numbers in SQLite (SqliteInboxDbContext): converted back the same way.
        return rows.Select(r => new MessageHit(r.MessageId, r.ConversationId, r.ContactName, r.Snippet, (DateTimeOffset)Binary.ConvertFromProvider(r.CreatedAt)!)).ToList();
    }

    private async Task<IReadOnlyList<MessageHit>> SqlServerMessagesAsync(InboxScope scope, IReadOnlyList<string> words, int limit, CancellationToken ct)
    {
        var (filter, parameters) = ScopeFilter(scope, id => id);
        parameters.Add(new Microsoft.Data.SqlClient.SqlParameter("@query", SearchText.Contains(words)));
        parameters.Add(new Microsoft.Data.SqlClient.SqlParameter("@limit", limit));
        var sql = $"""
            SELECT TOP (@limit) m.Id AS MessageId, m.ConversationId AS ConversationId, ct.Name AS ContactName, m.Text AS Snippet, m.CreatedAt AS CreatedAt
            FROM Messages m
            JOIN Conversations c ON c.Id = m.ConversationId
            JOIN Contacts ct ON ct.Id = c.ContactId
            WHERE CONTAINS(m.Text, @query) AND m.UnsentAt IS NULL {filter}
            ORDER BY m.CreatedAt DESC
            """;
        var rows = await db.Database.SqlQueryRaw<MessageHit>(sql, [.. parameters]).ToListAsync(ct);
        return rows.Select(r => r with { Snippet = SearchText.Snippet(r.Snippet, words) }).ToList();
    }

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter Binary = new();

    private sealed record SqliteHit(Guid MessageId, Guid ConversationId, string ContactName, string Snippet, long CreatedAt);

    private (string Filter, List<object> Parameters) ScopeFilter(InboxScope scope, Func<Guid, object> value)
    {
        var parameters = new List<object>();
        if (scope.InboxIds is not { } ids) return ("", parameters);
        var names = new List<string>();
        foreach (var id in ids)
        {
            var name = $"@inbox{names.Count}";
            names.Add(name);
            parameters.Add(db.Database.IsSqlite()
                ? new Microsoft.Data.Sqlite.SqliteParameter(name, value(id))
                : new Microsoft.Data.SqlClient.SqlParameter(name, value(id)));
        }
        // No inbox at all: nothing is visible.
        return (names.Count == 0 ? "AND 1 = 0" : $"AND c.SharedInboxId IN ({string.Join(", ", names)})", parameters);
    }
}
