using Inbox.Core.Appointments;
using Inbox.Core.Csat;
using Inbox.Core.Audit;
using Inbox.Core.Consent;
using Inbox.Core.Labels;
using Inbox.Core.Notes;
using Inbox.Core.Channels;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// Property: for randomly generated pairs of contacts (identities on random channels, threads in one or two inboxes,
/// random messages both ways, random details and field choices), merge then unmerge gives back exactly the rows that
/// were there; and when the patient keeps writing in between, every new message ends with the owner of its identity.
/// Seeds are fixed so a failure names its case and replays.
/// </summary>
public sealed class MergeRoundTripPropertyTests(MergeRoundTripPropertyTests.App app) : IClassFixture<MergeRoundTripPropertyTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private static readonly AuditActor Actor = new("staff", "prop", "Property test");
    private static readonly ChannelKind[] Channels = [ChannelKind.WhatsApp, ChannelKind.Messenger, ChannelKind.Line];
    private static readonly string[] Names = ["Ana Lima", "Budi Santoso", "佐藤 花子", "Nguyễn Văn An", "Siti Rahmah", "Unknown patient"];

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 12)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Merge_then_unmerge_returns_the_exact_original_state(int seed)
    {
        var random = new Random(seed);
        var (survivor, merged, _) = await GenerateAsync(random, seed);
        var before = await MergeSnapshot.TakeAsync(app, survivor, merged);

        var merge = await MergeAsync(survivor, merged, RandomChoices(random));
        Assert.Equal(MergeOutcome.Merged, merge.Outcome);
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Equal(UnmergeOutcome.Unmerged, (await scope.ServiceProvider.GetRequiredService<IContactMerger>().UnmergeAsync(InboxScope.All, merge.Merge!.Id, Actor, default)).Outcome);

        var after = await MergeSnapshot.TakeAsync(app, survivor, merged);
        Assert.Equal(before.Contacts, after.Contacts);
        Assert.Equal(before.Identities, after.Identities);
        Assert.Equal(before.Conversations, after.Conversations);
        Assert.Equal(before.Messages, after.Messages);
        Assert.Equal(before.Consents, after.Consents);
        Assert.Equal(before.Appointments, after.Appointments);
        Assert.Equal(before.Labels, after.Labels);
        Assert.Equal(before.Mentions, after.Mentions);
        Assert.Equal(before.Surveys, after.Surveys);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Messages_written_while_merged_end_with_the_owner_of_their_identity(int seed)
    {
        var random = new Random(seed * 7919);
        var (survivor, merged, writers) = await GenerateAsync(random, 1000 + seed);
        var before = await MergeSnapshot.TakeAsync(app, survivor, merged);
        var merge = await MergeAsync(survivor, merged, RandomChoices(random));

        var late = DateTimeOffset.UtcNow.AddMinutes(random.Next(1, 500));
        var written = new List<string>();
        for (var i = 0; i < random.Next(1, 6); i++)
        {
            var writer = writers[random.Next(writers.Count)];
            var message = PatientWrites.Text(writer.Channel, writer.ExternalId, writer.Name, $"late {i}", late.AddSeconds(i));
            written.Add(message.ProviderMessageId);
            await app.WriteAsync(message);
        }
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<IContactMerger>().UnmergeAsync(InboxScope.All, merge.Merge!.Id, Actor, default);

        var after = await MergeSnapshot.TakeAsync(app, survivor, merged);
        Assert.Equal(before.Contacts, after.Contacts);
        Assert.Equal(before.Identities, after.Identities);
        Assert.All(before.Messages, m => Assert.Contains(m, after.Messages));
        await using var db = app.CreateDbContext();
        var misplaced = await db.Messages.AsNoTracking()
            .Where(m => written.Contains(m.ProviderMessageId!))
            .Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && (c.MergedIntoConversationId != null
                || !db.ChannelIdentities.Any(i => i.Id == m.ChannelIdentityId && i.ContactId == c.ContactId))))
            .CountAsync();
        Assert.Equal(0, misplaced);
    }

    private sealed record Writer(ChannelKind Channel, string ExternalId, string Name);

    private async Task<(Guid Survivor, Guid Merged, List<Writer> Writers)> GenerateAsync(Random random, int seed)
    {
        var writers = new List<Writer>();
        var start = new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero).AddDays(seed);
        Guid[] contacts = new Guid[2];
        for (var side = 0; side < 2; side++)
        {
            var channel = Channels[random.Next(Channels.Length)];
            var writer = new Writer(channel, $"p{seed}-{side}-{Guid.NewGuid():N}", Names[random.Next(Names.Length)]);
            writers.Add(writer);
            var events = new List<InboundEvent>();
            for (var i = 0; i < random.Next(1, 6); i++)
                events.Add(PatientWrites.Text(channel, writer.ExternalId, writer.Name, $"m{side}.{i}", start.AddMinutes(side * 3 + i * 7 + random.Next(0, 3)),
                    phone: channel == ChannelKind.WhatsApp ? "6281" + random.Next(10_000_000, 99_999_999) : null));
            await app.WriteAsync([.. events]);
            contacts[side] = await app.ContactOfAsync(channel, writer.ExternalId);
        }

        await using var db = app.CreateDbContext();
        foreach (var contact in await db.Contacts.Where(c => contacts.Contains(c.Id)).ToListAsync())
            contact.Edit(new ContactDetails(
                contact.Name,
                random.Next(3) == 0 ? null : contact.Phone ?? "+66812" + random.Next(100_000, 999_999),
                random.Next(2) == 0 ? null : $"p{random.Next(100)}@example.org",
                random.Next(2) == 0 ? null : new DateOnly(1950 + random.Next(60), 1 + random.Next(12), 1 + random.Next(28))), start.AddDays(random.Next(-5, 5)));
        // Some staff replies (they carry the identity they went to) and, sometimes, a thread in a second inbox.
        foreach (var thread in await db.Conversations.Where(c => contacts.Contains(c.ContactId)).ToListAsync())
        {
            var identity = await db.ChannelIdentities.FirstAsync(i => i.ContactId == thread.ContactId);
            var reply = Message.QueueOutbound(thread.Id, identity.Id, identity.Channel, identity.AccountId, "reply", new MessageAuthor(AuthorKind.Agent, "s1", "Rina"),
                thread.LastMessageAt.AddMinutes(1));
            db.Messages.Add(reply);
            thread.RecordOutbound(reply);
        }
        // Labels (some shared by both threads), consent answers (the ledger) and appointment requests, on either record.
        var catalogue = Enumerable.Range(0, 3).Select(i => new Label($"L{seed}-{i}-{Guid.NewGuid():N}"[..20], "#3366cc", start)).ToList();
        db.AddRange(catalogue);
        foreach (var thread in await db.Conversations.Where(c => contacts.Contains(c.ContactId)).ToListAsync())
            foreach (var label in catalogue.Where(_ => random.Next(2) == 0))
                db.ConversationLabels.Add(new ConversationLabel(thread.Id, label.Id));
        var states = new[] { ConsentState.Accepted, ConsentState.Declined, ConsentState.OptedOut };
        foreach (var thread in await db.Conversations.Where(c => contacts.Contains(c.ContactId)).ToListAsync())
        {
            for (var i = 0; i < random.Next(0, 3); i++)
                db.ConsentRecords.Add(new ConsentRecord(thread.ContactId, thread.Id, states[random.Next(states.Length)], ChannelKind.WhatsApp, start.AddMinutes(random.Next(0, 600))));
            if (random.Next(2) == 0)
                db.Mentions.Add(new Mention(thread.Id, Guid.NewGuid(), "staff-" + random.Next(3), "Rina", start));
            // A resolved episode with its satisfaction survey (sometimes answered): conversation-owned, it follows a fold.
            if (random.Next(2) == 0)
            {
                var episode = thread.Resolve(start.AddHours(2), "s1");
                db.ConversationEpisodes.Add(episode);
                var survey = new CsatSurvey(episode, thread.SharedInboxId, episode.Channel ?? ChannelKind.WhatsApp, SurveyOutcome.Sent, null, false, start.AddHours(2));
                if (random.Next(2) == 0) survey.Answer(1 + random.Next(5), random.Next(2) == 0 ? "kind staff" : null, Guid.NewGuid(), start.AddHours(3));
                db.CsatSurveys.Add(survey);
            }
            if (random.Next(2) == 0)
                db.AppointmentRequests.Add(new AppointmentRequest(thread.ContactId, thread.Id, "Dental check-up", "Tuesday morning", "Pat", new DateOnly(1980, 1, 1), start));
        }
        if (random.Next(2) == 0)
        {
            var inbox = new SharedInbox($"Ward {seed}-{Guid.NewGuid():N}"[..20], start);
            db.SharedInboxes.Add(inbox);
            db.Conversations.Add(new Conversation(contacts[random.Next(2)], inbox.Id, start));
        }
        await db.SaveChangesAsync();
        return (contacts[0], contacts[1], writers);
    }

    private static Dictionary<ContactField, MergeSide> RandomChoices(Random random) =>
        MergePlan.Fields.Where(_ => random.Next(2) == 0).ToDictionary(f => f, _ => random.Next(2) == 0 ? MergeSide.Survivor : MergeSide.Merged);

    private async Task<MergeResult> MergeAsync(Guid survivor, Guid merged, Dictionary<ContactField, MergeSide> choices)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IContactMerger>().MergeAsync(InboxScope.All, new MergeRequest(survivor, merged, choices), Actor, default);
    }
}
