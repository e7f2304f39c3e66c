using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Merge and unmerge on a real SQLite database, through the API contract and the merger itself.</summary>
public sealed class ContactMergeTests(ContactMergeTests.App app) : IClassFixture<ContactMergeTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly AuditActor Receptionist = new("staff", "reception-1", "Rina");

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..10];

    /// <summary>One patient who wrote on WhatsApp and, as a stranger, on LINE: two contacts in the default inbox.</summary>
    private async Task<(Guid WhatsApp, Guid Line, string WaId, string LineId)> PatientOnTwoChannelsAsync()
    {
        var waId = "6281" + Random.Shared.Next(10_000_000, 99_999_999);
        var lineId = Unique("U");
        await app.WriteAsync(
            PatientWrites.Text(ChannelKind.WhatsApp, waId, "Siti Rahmah", "Is the clinic open on Sunday?", T0, phone: waId),
            PatientWrites.Text(ChannelKind.Line, lineId, "siti", "Hello, I wrote on WhatsApp too", T0.AddMinutes(5)),
            PatientWrites.Text(ChannelKind.WhatsApp, waId, "Siti Rahmah", "I need an appointment", T0.AddMinutes(10), phone: waId));
        return (await app.ContactOfAsync(ChannelKind.WhatsApp, waId), await app.ContactOfAsync(ChannelKind.Line, lineId), waId, lineId);
    }

    private async Task<MergeResult> MergeAsync(Guid survivor, Guid merged, IReadOnlyDictionary<ContactField, MergeSide>? choices = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContactMerger>().MergeAsync(InboxScope.All, new MergeRequest(survivor, merged, choices), Receptionist, default);
    }

    private async Task<UnmergeResult> UnmergeAsync(Guid mergeId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContactMerger>().UnmergeAsync(InboxScope.All, mergeId, Receptionist, default);
    }

    [Fact]
    public async Task Merging_folds_both_threads_into_one_with_every_message_interleaved_by_time()
    {
        var (wa, line, _, lineId) = await PatientOnTwoChannelsAsync();

        var result = await MergeAsync(wa, line);

        Assert.Equal(MergeOutcome.Merged, result.Outcome);
        await using var db = app.CreateDbContext();
        var threads = await db.Conversations.AsNoTracking().Where(c => c.ContactId == wa && c.MergedIntoConversationId == null).ToListAsync();
        var thread = Assert.Single(threads);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == thread.Id).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal([ChannelKind.WhatsApp, ChannelKind.Line, ChannelKind.WhatsApp], messages.Select(m => m.Channel));
        Assert.Equal(T0.AddMinutes(10), thread.LastMessageAt);
        Assert.Equal("I need an appointment", thread.LastMessagePreview);
        Assert.Equal(3, thread.UnreadCount);
        Assert.Equal([ChannelKind.WhatsApp, ChannelKind.Line], thread.Channels.Order());
        Assert.Equal(wa, await app.ContactOfAsync(ChannelKind.Line, lineId));

        var tombstone = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == line);
        Assert.Equal(wa, tombstone.MergedIntoId);
        var journal = await db.ContactMergeMoves.AsNoTracking().Where(m => m.MergeId == result.Merge!.Id).ToListAsync();
        Assert.Single(journal, m => m.Kind == "identity");
        Assert.Single(journal, m => m.Kind == "message");
        Assert.Single(journal, m => m.Kind == "conversation.fold");
    }

    [Fact]
    public async Task The_next_message_on_the_merged_channel_lands_in_the_survivors_thread()
    {
        var (wa, line, _, lineId) = await PatientOnTwoChannelsAsync();
        await MergeAsync(wa, line);

        await app.WriteAsync(PatientWrites.Text(ChannelKind.Line, lineId, "siti", "Any news?", T0.AddHours(1)));

        await using var db = app.CreateDbContext();
        var thread = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == wa && c.MergedIntoConversationId == null);
        Assert.Equal(4, await db.Messages.CountAsync(m => m.ConversationId == thread.Id));
        Assert.Equal(ChannelKind.Line, thread.LastInboundChannel);
        Assert.False(await db.Contacts.AnyAsync(c => c.Id == line && c.MergedIntoId == null));
    }

    [Fact]
    public async Task Unmerge_restores_both_patients_exactly_and_new_messages_follow_their_identity()
    {
        var (wa, line, waId, lineId) = await PatientOnTwoChannelsAsync();
        await using (var db = app.CreateDbContext())
        {
            var lineContact = await db.Contacts.SingleAsync(c => c.Id == line);
            lineContact.Edit(new ContactDetails("Siti R.", null, "siti@example.org", new DateOnly(1990, 4, 2)), T0.AddDays(1));
            await db.SaveChangesAsync();
        }
        var before = await MergeSnapshot.TakeAsync(app, wa, line);

        var merge = (await MergeAsync(wa, line, new Dictionary<ContactField, MergeSide> { [ContactField.Name] = MergeSide.Survivor })).Merge!;
        await using (var db = app.CreateDbContext())
        {
            var survivor = await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == wa);
            Assert.Equal(("Siti Rahmah", "siti@example.org", new DateOnly(1990, 4, 2)), (survivor.Name, survivor.Email, survivor.DateOfBirth));
        }
        await app.WriteAsync(
            PatientWrites.Text(ChannelKind.Line, lineId, "siti", "Written on LINE after the merge", T0.AddHours(2)),
            PatientWrites.Text(ChannelKind.WhatsApp, waId, "Siti Rahmah", "Written on WhatsApp after the merge", T0.AddHours(3), phone: waId));

        var undone = await UnmergeAsync(merge.Id);

        Assert.Equal(UnmergeOutcome.Unmerged, undone.Outcome);
        var after = await MergeSnapshot.TakeAsync(app, wa, line);
        Assert.Equal(before.Contacts, after.Contacts);
        Assert.Equal(before.Identities, after.Identities);
        Assert.All(before.Messages, m => Assert.Contains(m, after.Messages));
        await using (var db = app.CreateDbContext())
        {
            var lineThread = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == line);
            Assert.Null(lineThread.MergedIntoConversationId);
            Assert.Equal(["Hello, I wrote on WhatsApp too", "Written on LINE after the merge"],
                await db.Messages.Where(m => m.ConversationId == lineThread.Id).OrderBy(m => m.CreatedAt).Select(m => m.Text).ToListAsync());
            Assert.Equal("Written on LINE after the merge", lineThread.LastMessagePreview);
            var waThread = await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == wa);
            Assert.Equal(3, await db.Messages.CountAsync(m => m.ConversationId == waThread.Id));
            Assert.Equal([ChannelKind.WhatsApp], waThread.Channels);
        }

        var again = await UnmergeAsync(merge.Id);
        Assert.Equal(UnmergeOutcome.AlreadyUndone, again.Outcome);
    }

    [Fact]
    public async Task The_most_restrictive_consent_wins_and_appointment_requests_follow_the_patient()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        Guid lineThread, request;
        await using (var db = app.CreateDbContext())
        {
            lineThread = await db.Conversations.Where(c => c.ContactId == line).Select(c => c.Id).SingleAsync();
            // Opted out on LINE last week; accepted the terms on WhatsApp today (newer).
            db.ConsentRecords.Add(new Inbox.Core.Consent.ConsentRecord(line, lineThread, Inbox.Core.Consent.ConsentState.OptedOut, ChannelKind.Line, T0.AddDays(-7)));
            db.ConsentRecords.Add(new Inbox.Core.Consent.ConsentRecord(wa, null, Inbox.Core.Consent.ConsentState.Accepted, ChannelKind.WhatsApp, T0));
            var appointment = new Inbox.Core.Appointments.AppointmentRequest(line, lineThread, "Dental check-up", "Tuesday", "Siti", new DateOnly(1990, 4, 2), T0);
            db.AppointmentRequests.Add(appointment);
            await db.SaveChangesAsync();
            request = appointment.Id;
        }

        var merge = (await MergeAsync(wa, line)).Merge!;

        await using (var db = app.CreateDbContext())
        {
            var current = await db.ConsentRecords.Where(c => c.ContactId == wa).OrderByDescending(c => c.At).FirstAsync();
            Assert.Equal(Inbox.Core.Consent.ConsentState.OptedOut, current.State);
            var moved = await db.AppointmentRequests.AsNoTracking().SingleAsync(a => a.Id == request);
            Assert.Equal(wa, moved.ContactId);
            Assert.NotEqual(lineThread, moved.ConversationId);
        }

        await UnmergeAsync(merge.Id);

        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(Inbox.Core.Consent.ConsentState.Accepted, (await db.ConsentRecords.Where(c => c.ContactId == wa).OrderByDescending(c => c.At).FirstAsync()).State);
            Assert.Equal(1, await db.ConsentRecords.CountAsync(c => c.ContactId == wa));
            Assert.Equal(Inbox.Core.Consent.ConsentState.OptedOut, (await db.ConsentRecords.SingleAsync(c => c.ContactId == line)).State);
            var back = await db.AppointmentRequests.AsNoTracking().SingleAsync(a => a.Id == request);
            Assert.Equal((line, lineThread), (back.ContactId, back.ConversationId));
        }
    }

    [Fact]
    public async Task A_thread_in_another_inbox_changes_owner_and_comes_back()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        Guid elsewhere;
        await using (var db = app.CreateDbContext())
        {
            var inbox = new SharedInbox(Unique("Dental "), T0);
            db.SharedInboxes.Add(inbox);
            var thread = new Conversation(line, inbox.Id, T0);
            db.Conversations.Add(thread);
            await db.SaveChangesAsync();
            elsewhere = thread.Id;
        }

        var merge = (await MergeAsync(wa, line)).Merge!;
        await using (var db = app.CreateDbContext())
            Assert.Equal(wa, (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == elsewhere)).ContactId);

        await UnmergeAsync(merge.Id);
        await using (var db = app.CreateDbContext())
            Assert.Equal(line, (await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == elsewhere)).ContactId);
    }

    [Fact]
    public async Task Two_receptionists_merging_overlapping_contacts_at_once_one_wins_and_nothing_is_orphaned()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        var messenger = Unique("psid");
        await app.WriteAsync(PatientWrites.Text(ChannelKind.Messenger, messenger, "Siti Rahmah", "Hi from Messenger", T0.AddMinutes(20)));
        var fb = await app.ContactOfAsync(ChannelKind.Messenger, messenger);

        // Both want the LINE contact gone: one into WhatsApp's contact, the other into Messenger's.
        var results = await Task.WhenAll(Task.Run(() => MergeAsync(wa, line)), Task.Run(() => MergeAsync(fb, line)));

        Assert.Single(results, r => r.Outcome == MergeOutcome.Merged);
        var loser = Assert.Single(results, r => r.Outcome != MergeOutcome.Merged);
        Assert.Equal(MergeOutcome.Conflict, loser.Outcome);
        Assert.Contains("already merged", loser.Error);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.ContactMerges.CountAsync(m => m.MergedId == line));
        // Nothing hangs off a tombstone: every identity and every visible thread belongs to a live contact.
        Assert.False(await db.ChannelIdentities.AnyAsync(i => db.Contacts.Any(c => c.Id == i.ContactId && c.MergedIntoId != null)));
        Assert.False(await db.Conversations.AnyAsync(t => t.MergedIntoConversationId == null && db.Contacts.Any(c => c.Id == t.ContactId && c.MergedIntoId != null)));
    }

    [Fact]
    public async Task A_review_based_on_an_old_version_is_refused_and_nothing_changes()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        int seen;
        await using (var db = app.CreateDbContext()) seen = (await db.Contacts.AsNoTracking().SingleAsync(c => c.Id == line)).Version;
        await using (var db = app.CreateDbContext())
        {
            var contact = await db.Contacts.SingleAsync(c => c.Id == line);
            contact.Edit(ContactDetails.Of(contact) with { Email = "changed@example.org" }, T0.AddDays(2));
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IContactMerger>()
            .MergeAsync(InboxScope.All, new MergeRequest(wa, line, MergedVersion: seen), Receptionist, default);

        Assert.Equal(MergeOutcome.Conflict, result.Outcome);
        await using var check = app.CreateDbContext();
        Assert.Null((await check.Contacts.AsNoTracking().SingleAsync(c => c.Id == line)).MergedIntoId);
        Assert.False(await check.ContactMerges.AnyAsync(m => m.MergedId == line));
    }

    [Fact]
    public async Task An_unmerge_under_a_later_merge_is_refused_until_that_one_is_undone()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        var messenger = Unique("psid");
        await app.WriteAsync(PatientWrites.Text(ChannelKind.Messenger, messenger, "Siti", "Hi", T0.AddMinutes(30)));
        var fb = await app.ContactOfAsync(ChannelKind.Messenger, messenger);
        var first = (await MergeAsync(wa, line)).Merge!;
        var second = (await MergeAsync(wa, fb)).Merge!;

        Assert.Equal(UnmergeOutcome.Conflict, (await UnmergeAsync(first.Id)).Outcome);
        Assert.Equal(UnmergeOutcome.Unmerged, (await UnmergeAsync(second.Id)).Outcome);
        Assert.Equal(UnmergeOutcome.Unmerged, (await UnmergeAsync(first.Id)).Outcome);
    }

    [Fact]
    public async Task The_api_merges_answers_merged_ids_with_their_survivor_unmerges_once_and_audits_the_choices()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        var api = app.CreateApiClient();

        var created = await api.PostAsJsonAsync("/api/v1/contact-merges", new { survivorId = wa, mergedId = line, fieldChoices = new { name = "merged" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var mergeId = body.GetProperty("id").GetGuid();
        Assert.Equal(wa, body.GetProperty("survivorId").GetGuid());
        Assert.Equal(line, body.GetProperty("mergedId").GetGuid());
        Assert.True(body.TryGetProperty("mergedAt", out _));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("mergedBy").GetString()));
        Assert.EndsWith($"/api/v1/contact-merges/{mergeId}", created.Headers.Location!.ToString());

        var tombstone = await api.GetOkAsync($"/api/v1/contacts/{line}");
        Assert.Equal(wa, tombstone.GetProperty("mergedInto").GetGuid());
        var survivor = await api.GetOkAsync($"/api/v1/contacts/{wa}");
        Assert.Equal("siti", survivor.GetProperty("name").GetString());
        Assert.Equal(2, survivor.GetProperty("identities").GetArrayLength());

        await using (var db = app.CreateDbContext())
        {
            var entries = await db.AuditLog.AsNoTracking().Where(a => a.Action == AuditActions.ContactMerge && (a.SubjectId == wa.ToString() || a.SubjectId == line.ToString())).ToListAsync();
            Assert.Equal(2, entries.Count);
            Assert.All(entries, e => Assert.Contains("Name taken from the merged contact (overwrote)", e.Detail));
            Assert.All(entries, e => Assert.Contains(mergeId.ToString(), e.Detail));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await api.DeleteAsync($"/api/v1/contact-merges/{mergeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await api.DeleteAsync($"/api/v1/contact-merges/{mergeId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.DeleteAsync($"/api/v1/contact-merges/{Guid.NewGuid()}")).StatusCode);
        var restored = await api.GetOkAsync($"/api/v1/contacts/{line}");
        Assert.Equal(JsonValueKind.Null, restored.GetProperty("mergedInto").ValueKind);
        Assert.Equal("siti", restored.GetProperty("name").GetString());
        Assert.Equal("Siti Rahmah", (await api.GetOkAsync($"/api/v1/contacts/{wa}")).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Only_roles_that_may_merge_can_merge_through_the_api()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        var (key, secret) = Inbox.Infrastructure.Auth.ApiKey.Create("agent-" + Unique(""), Inbox.Core.Staff.StaffRole.Agent, DateTimeOffset.UtcNow);
        await using (var db = app.CreateDbContext())
        {
            db.Add(key);
            await db.SaveChangesAsync();
        }

        var response = await app.CreateApiClient(secret).PostAsJsonAsync("/api/v1/contact-merges", new { survivorId = wa, mergedId = line });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var check = app.CreateDbContext();
        Assert.False(await check.ContactMerges.AnyAsync(m => m.MergedId == line));
    }

    [Fact]
    public async Task Bad_merge_requests_get_clear_errors_and_change_nothing()
    {
        var (wa, line, _, _) = await PatientOnTwoChannelsAsync();
        var api = app.CreateApiClient();

        async Task<(HttpStatusCode, string)> PostAsync(object body)
        {
            var response = await api.PostAsJsonAsync("/api/v1/contact-merges", body);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        var self = await PostAsync(new { survivorId = wa, mergedId = wa });
        Assert.Equal(HttpStatusCode.BadRequest, self.Item1);
        Assert.Contains("cannot be merged into itself", self.Item2);
        var badChoice = await PostAsync(new { survivorId = wa, mergedId = line, fieldChoices = new { shoeSize = "merged" } });
        Assert.Equal(HttpStatusCode.BadRequest, badChoice.Item1);
        Assert.Contains("name, phone, email or dateOfBirth", badChoice.Item2);
        var badSide = await PostAsync(new { survivorId = wa, mergedId = line, fieldChoices = new { phone = "newest" } });
        Assert.Equal(HttpStatusCode.BadRequest, badSide.Item1);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(new { survivorId = wa, mergedId = Guid.NewGuid() })).Item1);
        var stale = await PostAsync(new { survivorId = wa, mergedId = line, mergedVersion = 999 });
        Assert.Equal(HttpStatusCode.Conflict, stale.Item1);
        Assert.Contains("changed one of these contacts", stale.Item2);
        var malformed = await api.PostAsync("/api/v1/contact-merges", new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await using (var db = app.CreateDbContext())
            Assert.False(await db.ContactMerges.AnyAsync(m => m.SurvivorId == wa || m.MergedId == line));

        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/v1/contact-merges", new { survivorId = wa, mergedId = line })).StatusCode);
        var intoTombstone = await PostAsync(new { survivorId = line, mergedId = wa });
        Assert.Equal(HttpStatusCode.Conflict, intoTombstone.Item1);
        Assert.Contains("merged into another contact", intoTombstone.Item2);
        var patchTombstone = await api.PatchAsJsonAsync($"/api/v1/contacts/{line}", new { email = "x@example.org" });
        Assert.Equal(HttpStatusCode.Conflict, patchTombstone.StatusCode);
        Assert.Equal(wa, (await patchTombstone.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("mergedInto").GetGuid());
    }

    [Fact]
    public async Task Merged_contacts_leave_suggestions_and_the_queue_and_dismissed_pairs_are_not_suggested()
    {
        var phone = "+6281" + Random.Shared.Next(10_000_000, 99_999_999);
        var a = Unique("wa"); var b = Unique("wb"); var c = Unique("wc");
        await app.WriteAsync(
            PatientWrites.Text(ChannelKind.Messenger, a, "Dewi Lestari", "Hi", T0),
            PatientWrites.Text(ChannelKind.Messenger, b, "Dewi L", "Hi", T0.AddMinutes(1)),
            PatientWrites.Text(ChannelKind.Messenger, c, "Dewi Lestary", "Hi", T0.AddMinutes(2)));
        var (ca, cb, cc) = (await app.ContactOfAsync(ChannelKind.Messenger, a), await app.ContactOfAsync(ChannelKind.Messenger, b), await app.ContactOfAsync(ChannelKind.Messenger, c));
        await using (var db = app.CreateDbContext())
        {
            foreach (var contact in await db.Contacts.Where(x => x.Id == ca || x.Id == cb || x.Id == cc).ToListAsync())
                contact.Edit(ContactDetails.Of(contact) with { Phone = phone }, T0);
            await db.SaveChangesAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var review = scope.ServiceProvider.GetRequiredService<IMergeReview>();
        var queue = await review.QueueAsync(InboxScope.All, 0.6, 500, default);
        Assert.Equal(3, queue.Count(p => new[] { ca, cb, cc }.Contains(p.FirstId) && new[] { ca, cb, cc }.Contains(p.SecondId)));

        await scope.ServiceProvider.GetRequiredService<IDuplicateDismissals>().DismissAsync(InboxScope.All, cc, ca, "reception-1", default);
        await MergeAsync(ca, cb);

        queue = await review.QueueAsync(InboxScope.All, 0.6, 500, default);
        Assert.DoesNotContain(queue, p => new[] { ca, cb, cc }.Contains(p.FirstId) || new[] { ca, cb, cc }.Contains(p.SecondId));
        var finder = scope.ServiceProvider.GetRequiredService<Inbox.Core.Contacts.IDuplicateFinder>();
        Assert.Empty(await finder.FindAsync(InboxScope.All, ca, 10, default));
    }
}
