using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Identity;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Reports;

/// <summary>
/// A hand-built clinic in a real SQLite file (real migrations): threads are written through the domain with explicit
/// times, so every figure a report shows can be computed by hand from what the test wrote.
/// </summary>
public sealed class ReportDataset : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly List<object> _rows = [];
    private int _next;

    public ReportDataset()
    {
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "reports.db");
    }

    public string DatabasePath { get; }

    public SqliteInboxDbContext CreateDbContext(Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<SqliteInboxDbContext>().UseSqlite($"Data Source={DatabasePath}");
        if (interceptor is not null) options.AddInterceptors(interceptor);
        return new SqliteInboxDbContext(options.Options);
    }

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public Guid Inbox(string name)
    {
        var inbox = new SharedInbox(name, DateTimeOffset.UnixEpoch);
        _rows.Add(inbox);
        return inbox.Id;
    }

    public Guid Team(string name)
    {
        var team = new Team(name, DateTimeOffset.UnixEpoch);
        _rows.Add(team);
        return team.Id;
    }

    public void Staff(string id, string name) =>
        _rows.Add(new StaffUser { Id = id, UserName = $"{id}@clinic.test", NormalizedUserName = $"{id.ToUpperInvariant()}@CLINIC.TEST", DisplayName = name });

    /// <summary>A patient's thread, created when they first write at <paramref name="firstAt"/> (or after a bot start).</summary>
    public Thread Patient(string name, Guid inbox, ChannelKind channel, DateTimeOffset firstAt, bool withBot = false)
    {
        var contact = new Contact(name, null, firstAt);
        var identity = contact.AddIdentity(channel, "acct", $"ext-{++_next}", name, null);
        var conversation = new Conversation(contact.Id, inbox, firstAt);
        if (withBot) conversation.StartWithBot();
        _rows.AddRange([contact, identity, conversation]);
        return new Thread(this, conversation, identity, channel).Writes(firstAt);
    }

    public async Task SaveAsync()
    {
        await using var db = CreateDbContext();
        db.AddRange(_rows);
        await db.SaveChangesAsync();
        _rows.Clear();
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }

    public sealed class Thread(ReportDataset set, Conversation conversation, ChannelIdentity identity, ChannelKind channel)
    {
        private ConversationEpisode? _lastEpisode;

        public Guid Id => conversation.Id;

        public Thread Writes(DateTimeOffset at, ChannelKind? from = null)
        {
            var message = Message.Inbound(conversation.Id, identity.Id, new InboundMessage(from ?? channel, "acct", at,
                new InboundSender(identity.ExternalId, null, null), $"in-{++set._next}", MessageType.Text, "Hello"));
            conversation.RecordInbound(message);
            set._rows.Add(message);
            return this;
        }

        public Thread Replies(string agentId, DateTimeOffset at) => Out(MessageAuthor.Agent(agentId, agentId), at);

        public Thread BotReplies(DateTimeOffset at) => Out(MessageAuthor.Bot, at);

        /// <summary>A private note and a workflow line: rows of the thread, never messages to the patient.</summary>
        public Thread NoteAndActivity(string agentId, DateTimeOffset at)
        {
            var author = MessageAuthor.Agent(agentId, agentId);
            set._rows.Add(Message.Note(conversation.Id, channel, "note", author, at));
            set._rows.Add(Message.Activity(conversation.Id, channel, "acct", "Assigned", author, at));
            return this;
        }

        private Thread Out(MessageAuthor author, DateTimeOffset at)
        {
            var message = Message.QueueOutbound(conversation.Id, identity.Id, channel, "acct", "Reply", author, at);
            conversation.RecordOutbound(message);
            set._rows.Add(message);
            return this;
        }

        public Thread HandsOver(DateTimeOffset at)
        {
            conversation.HandOver("Asked for a person", null, Priority.Normal, at);
            return this;
        }

        public Thread AssignTo(string? agentId, Guid? team, DateTimeOffset at)
        {
            conversation.AssignTo(agentId, team, at);
            return this;
        }

        public Thread Resolves(DateTimeOffset at, string? by)
        {
            _lastEpisode = conversation.Resolve(at, by);
            set._rows.Add(_lastEpisode);
            return this;
        }

        /// <summary>The survey of the episode just resolved (created at its resolution), answered when a rating is given.</summary>
        public Thread Survey(SurveyOutcome outcome, int? rating = null, string? comment = null, DateTimeOffset? answeredAt = null)
        {
            var episode = _lastEpisode ?? throw new InvalidOperationException("Resolve first.");
            var survey = new CsatSurvey(episode, episode.SharedInboxId, episode.Channel ?? channel, outcome, null, false, episode.ResolvedAt);
            if (rating is { } r) survey.Answer(r, comment, Guid.NewGuid(), answeredAt ?? episode.ResolvedAt.AddMinutes(5));
            set._rows.Add(survey);
            return this;
        }
    }
}
