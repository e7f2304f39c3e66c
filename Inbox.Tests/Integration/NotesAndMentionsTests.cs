using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Private notes live in the thread, name colleagues, and never reach the patient's platform.</summary>
public sealed class NotesAndMentionsTests(NotesAndMentionsTests.Fixture fixture) : IClassFixture<NotesAndMentionsTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture()
        {
            Graph.AcceptAll();
            App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url });
        }

        public void Dispose()
        {
            App.Dispose();
            Graph.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;

    private async Task<Guid> ConversationWithPatientAsync(string waId)
    {
        (await App.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Patient " + waId, "Hello"))).EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        return (await db.Conversations.SingleAsync(c => c.ContactId == contact!.Id)).Id;
    }

    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work) where T : notnull
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<string> StaffIdAsync(string email)
    {
        await using var db = App.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task A_note_is_in_the_thread_but_never_reaches_the_platform_while_a_reply_after_it_does()
    {
        var conversation = await ConversationWithPatientAsync("15550700001");
        var rita = MessageAuthor.Agent(await StaffIdAsync(StaffSignIn.Receptionist), "Rita Reception");

        var note = await WithAsync(s => s.GetRequiredService<INoteWriter>().AddAsync(InboxScope.All, conversation, "Allergic to penicillin — do not book Dr Brown", rita, CancellationToken.None));
        var reply = await WithAsync(s => s.GetRequiredService<IReplySender>().QueueAsync(InboxScope.All, conversation, "See you at 10:30", null, rita, CancellationToken.None));

        Assert.Equal(NoteOutcome.Added, note.Outcome);
        await using var db = App.CreateDbContext();
        // The dispatcher has drained the queue past the note: the reply (queued after it) has gone.
        await Eventually.GetAsync(() => db.Messages.AsNoTracking().SingleAsync(m => m.Id == reply.MessageId), m => m.Status == DeliveryStatus.Sent, because: "the reply is sent");
        var toPatient = fixture.Graph.SendBodies().Where(b => b.GetProperty("to").GetString() == "+15550700001").ToList();
        Assert.Equal(["See you at 10:30"], toPatient.Select(b => b.GetProperty("text").GetProperty("body").GetString()));
        var stored = await db.Messages.AsNoTracking().SingleAsync(m => m.Id == note.NoteId);
        Assert.Equal(MessageType.Note, stored.Type);
        Assert.Null(stored.NextAttemptAt);
        Assert.Null(stored.ProviderMessageId);

        // One query reads the thread, notes in their place among the messages.
        var thread = await WithAsync(s => s.GetRequiredService<IConversationQueries>().LatestMessagesAsync(InboxScope.All, conversation, 50, CancellationToken.None));
        Assert.Equal([MessageType.Text, MessageType.Note, MessageType.Text], thread.Select(m => m.Type));
        // The list keeps showing what the patient and the clinic said to each other.
        Assert.Equal("See you at 10:30", (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation)).LastMessagePreview);
    }

    [Fact]
    public async Task A_mention_notifies_the_named_colleague_once_until_they_open_the_thread()
    {
        var conversation = await ConversationWithPatientAsync("15550700002");
        var lee = await StaffIdAsync(StaffSignIn.Agent);
        var sam = await StaffIdAsync(StaffSignIn.Supervisor);
        var rita = MessageAuthor.Agent(await StaffIdAsync(StaffSignIn.Receptionist), "Rita Reception");
        var before = await WithAsync(s => s.GetRequiredService<IMentionInbox>().UnreadCountAsync(InboxScope.All, lee, CancellationToken.None));

        var note = await WithAsync(s => s.GetRequiredService<INoteWriter>().AddAsync(InboxScope.All, conversation,
            "@Nurse Lee can you call her back? @nurse lee (not rita@demo.clinic)", rita, CancellationToken.None));

        Assert.Equal(["Nurse Lee"], note.Mentioned!.Select(m => m.Name));
        var mentions = WithAsync(s => s.GetRequiredService<IMentionInbox>().LatestAsync(InboxScope.All, lee, 5, CancellationToken.None));
        var latest = (await mentions).First();
        Assert.Equal((conversation, note.NoteId!.Value, "Rita Reception", false), (latest.ConversationId, latest.NoteId, latest.AuthorName, latest.Read));
        Assert.Equal(before + 1, await WithAsync(s => s.GetRequiredService<IMentionInbox>().UnreadCountAsync(InboxScope.All, lee, CancellationToken.None)));
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<IMentionInbox>().UnreadCountAsync(InboxScope.All, sam, CancellationToken.None)));

        // Lee opens the thread (the inbox page marks it read for them).
        await WithAsync(async s => { await s.GetRequiredService<IConversationWorkflow>().MarkReadAsync(InboxScope.All, conversation, lee, CancellationToken.None); return true; });
        Assert.Equal(before, await WithAsync(s => s.GetRequiredService<IMentionInbox>().UnreadCountAsync(InboxScope.All, lee, CancellationToken.None)));
    }

    [Fact]
    public async Task Only_colleagues_who_serve_the_inbox_can_be_named_and_the_bell_lists_only_mentions_in_the_callers_inboxes()
    {
        var conversation = await ConversationWithPatientAsync("15550700004");
        // A new agent on no team serving this inbox: they may not see the patient, so a note cannot point them at it.
        await StaffAccounts.AddAsync(App, Inbox.Core.Staff.StaffRole.Agent, "Outside Olga");
        var lee = await StaffIdAsync(StaffSignIn.Agent);
        var rita = MessageAuthor.Agent(await StaffIdAsync(StaffSignIn.Receptionist), "Rita Reception");
        Guid inbox;
        await using (var db = App.CreateDbContext()) inbox = await db.Conversations.Where(c => c.Id == conversation).Select(c => c.SharedInboxId).SingleAsync();

        var note = await WithAsync(s => s.GetRequiredService<INoteWriter>().AddAsync(InboxScope.All, conversation, "@Outside Olga and @Nurse Lee, please look", rita, CancellationToken.None));

        Assert.Equal(["Nurse Lee"], note.Mentioned!.Select(m => m.Name));
        var mine = await WithAsync(s => s.GetRequiredService<IMentionInbox>().LatestAsync(InboxScope.Only([inbox]), lee, 50, CancellationToken.None));
        Assert.Contains(mine, m => m.NoteId == note.NoteId);
        // Seen from other inboxes only (Lee moved teams): the bell neither lists nor counts it.
        var elsewhere = InboxScope.Only([Guid.NewGuid()]);
        Assert.Empty(await WithAsync(s => s.GetRequiredService<IMentionInbox>().LatestAsync(elsewhere, lee, 50, CancellationToken.None)));
        Assert.Equal(0, await WithAsync(s => s.GetRequiredService<IMentionInbox>().UnreadCountAsync(elsewhere, lee, CancellationToken.None)));
    }

    [Fact]
    public async Task An_empty_note_or_one_outside_the_callers_inboxes_is_refused()
    {
        var conversation = await ConversationWithPatientAsync("15550700003");
        var writer = (IServiceProvider s) => s.GetRequiredService<INoteWriter>();

        var empty = await WithAsync(s => writer(s).AddAsync(InboxScope.All, conversation, "  ", MessageAuthor.Agent("x", "X"), CancellationToken.None));
        var elsewhere = await WithAsync(s => writer(s).AddAsync(InboxScope.Only([Guid.NewGuid()]), conversation, "hi", MessageAuthor.Agent("x", "X"), CancellationToken.None));

        Assert.Equal(NoteOutcome.Invalid, empty.Outcome);
        Assert.Equal(NoteOutcome.NotFound, elsewhere.Outcome);
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Type == MessageType.Note));
    }
}
