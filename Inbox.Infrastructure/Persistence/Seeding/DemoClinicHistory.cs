using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Reports;
using Inbox.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// The demo clinic's last 30 days, so a supervisor signing in sees a filled dashboard: other patients whose threads went
/// through several resolved episodes — answered by the demo staff, or started by the bot and either contained or handed
/// over and taken — each written through the same domain methods the app uses, with the episode rows and CSAT surveys
/// (ratings, some comments) that resolutions leave. Deterministic (fixed seed); every thread ends resolved.
/// </summary>
internal static class DemoClinicHistory
{
    public const int Days = 30;

    private sealed record Patient(string Name, string Phone, ChannelKind Channel, bool BotFirst);

    // Names unlike the demo's current patients, so the one possible duplicate stays the Siti pair.
    private static readonly Patient[] Patients =
    [
        new("Grace Wilson", "+447700900101", ChannelKind.WhatsApp, false),
        new("Tan Mei Ling", "+6591230102", ChannelKind.Line, true),
        new("João Pereira", "+5521955500103", ChannelKind.Messenger, false),
        new("Farah Hassan", "+60125550204", ChannelKind.WhatsApp, true),
        new("Dewi Lestari", "+62815550205", ChannelKind.WhatsApp, false),
        new("Oliver Hughes", "+61491570106", ChannelKind.Messenger, true),
        new("Wong Jia Hui", "+85255500207", ChannelKind.WhatsApp, false),
        new("Lukas Becker", "+4915550100208", ChannelKind.WhatsApp, true),
        new("Beatriz Costa", "+351912345109", ChannelKind.WhatsApp, false),
        new("Hafiz Osman", "+60135550210", ChannelKind.Messenger, false),
        new("Lim Zhi Hao", "+6581230211", ChannelKind.Line, false),
        new("Emily Clarke", "+447700900212", ChannelKind.WhatsApp, true),
        new("Rizky Pratama", "+62815550213", ChannelKind.Line, true),
        new("Mia Wagner", "+4915550100214", ChannelKind.Messenger, false),
    ];

    private static readonly string[] Questions =
    [
        "Can I book a check-up next week?", "Is the doctor in on Saturday?", "I need a copy of my lab results.",
        "Can I change my appointment to the afternoon?", "Do you do travel vaccinations?", "My prescription has run out, can I renew it?",
    ];

    private static readonly string[] Answers =
    [
        "Yes, we have Tuesday at 10:00 or Thursday at 15:30.", "The results are ready; we've sent them to your email.",
        "Done, you're now booked for 14:00.", "Yes, please bring your vaccination record.", "The doctor has approved it; you can collect it today.",
    ];

    private static readonly string[] GoodComments =
        ["Quick and friendly, thank you!", "Very helpful, as always.", "Answered in minutes. Great service", "Thanks, \"super\" easy to rebook."];

    private static readonly string[] PoorComments =
        ["Had to wait a long time for an answer.", "The bot didn't understand me, then nobody answered for hours.", "OK, but I had to ask twice."];

    public static async Task AddAsync(InboxDbContext db, Guid inboxId, Func<ChannelKind, string> accountFor, TimeZoneInfo zone, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(8);
        var emails = StaffSeeder.DemoUsers.Where(u => u.Role != Core.Staff.StaffRole.Admin).Select(u => u.Email).ToList();
        var staff = await db.Users.Where(u => emails.Contains(u.Email!)).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var people = staff.Count > 0 ? staff.Select(s => MessageAuthor.Agent(s.Id, s.DisplayName)).ToList() : [MessageAuthor.Agent("demo-front-desk", "Front desk")];
        var teamId = await db.Teams.OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

        var n = 0;
        foreach (var p in Patients)
        {
            var account = accountFor(p.Channel);
            var externalId = p.Channel switch
            {
                ChannelKind.WhatsApp => p.Phone[1..],
                ChannelKind.Messenger => (6_453_728_190_100_000L + n).ToString(CultureInfo.InvariantCulture),
                _ => "U" + (0xd3a0 + n).ToString("x32", CultureInfo.InvariantCulture),
            };
            // A few visits spread over the month, each at clinic hours, oldest first.
            var starts = Enumerable.Range(0, random.Next(4, 10))
                .Select(_ => ReportFilter.StartOf(today.AddDays(-random.Next(1, Days)), zone) + TimeSpan.FromMinutes(random.Next(8 * 60, 18 * 60)))
                .Order().ToList();
            var contact = new Contact(p.Name, PhoneNumber.Parse(p.Phone), starts[0]);
            var identity = contact.AddIdentity(p.Channel, account, externalId, p.Name, p.Channel == ChannelKind.WhatsApp ? externalId : null);
            var conversation = new Conversation(contact.Id, inboxId, starts[0]);
            db.AddRange(contact, conversation);
            var previousEnd = DateTimeOffset.MinValue;
            foreach (var start in starts.Where(s => s > previousEnd.AddHours(1)))
            {
                var thread = new Thread(db, conversation, identity, p, account, externalId, $"demo-history-{n++}");
                previousEnd = Episode(thread, random, people, teamId, start);
            }
        }
    }

    /// <summary>One visit from the patient's first message to its resolution, then the survey and maybe an answer; returns when it ended.</summary>
    private static DateTimeOffset Episode(Thread thread, Random random, IReadOnlyList<MessageAuthor> people, Guid? teamId, DateTimeOffset at)
    {
        var conversation = thread.Conversation;
        var agent = people[random.Next(people.Count)];
        if (thread.Patient.BotFirst && !conversation.ReturnToBotIfResolved() && conversation.HandledBy != HandledBy.Bot) conversation.StartWithBot();
        thread.Inbound(Questions[random.Next(Questions.Length)], at);

        string? resolvedBy = agent.Id;
        if (conversation.HandledBy == HandledBy.Bot)
        {
            at = at.AddSeconds(3);
            thread.Outbound("Hello! I'm the clinic's assistant. Pick 1 to book, 2 for results, 3 to talk to a person.", MessageAuthor.Bot, at);
            if (random.NextDouble() < 0.45)
            {
                // The bot answered everything: nobody from the clinic wrote.
                at = at.AddMinutes(random.Next(1, 5));
                thread.Inbound("1", at);
                thread.Outbound("You're booked. We'll send a reminder the day before.", MessageAuthor.Bot, at.AddSeconds(3));
                at = at.AddMinutes(random.Next(5, 30));
                resolvedBy = null;
            }
            else
            {
                at = at.AddMinutes(random.Next(1, 4));
                conversation.HandOver("The patient asked for a person", null, Priority.Normal, at);
                at = at.AddSeconds(random.Next(30, 25 * 60));
                conversation.Take(agent.Id!, at);
                at = at.AddSeconds(random.Next(20, 180));
                thread.Outbound(Answers[random.Next(Answers.Length)], agent, at);
            }
        }
        else
        {
            // Mostly minutes, sometimes hours: the first response of a busy day.
            at = at.AddSeconds(random.NextDouble() < 0.85 ? random.Next(40, 20 * 60) : random.Next(1, 4) * 3600);
            conversation.AssignTo(agent.Id, teamId, at);
            thread.Outbound(Answers[random.Next(Answers.Length)], agent, at);
            if (random.NextDouble() < 0.5)
            {
                at = at.AddMinutes(random.Next(2, 30));
                thread.Inbound("Thank you! One more question: should I come fasting?", at);
                at = at.AddMinutes(random.Next(1, 25));
                thread.Outbound("No need to fast for this one.", agent, at);
            }
        }
        at = at.AddMinutes(random.Next(5, resolvedBy is null ? 30 : 4 * 60));
        var episode = conversation.Resolve(at, resolvedBy);
        thread.Db.ConversationEpisodes.Add(episode);
        Survey(thread, random, episode, at);
        return at;
    }

    private static void Survey(Thread thread, Random random, ConversationEpisode episode, DateTimeOffset at)
    {
        var p = thread.Patient;
        if (random.NextDouble() < 0.1)
        {
            // WhatsApp's window had closed and there was no template for it.
            thread.Db.CsatSurveys.Add(new CsatSurvey(episode, thread.Conversation.SharedInboxId, p.Channel, SurveyOutcome.NotSentWindowClosed, null, false, at));
            return;
        }
        var question = thread.Outbound("How did we do? Reply with a number from 1 (poor) to 5 (excellent).", MessageAuthor.Bot, at.AddSeconds(5));
        var survey = new CsatSurvey(episode, thread.Conversation.SharedInboxId, p.Channel, SurveyOutcome.Sent, question.Id, false, at);
        thread.Db.CsatSurveys.Add(survey);
        if (random.NextDouble() < 0.3) return;   // not every patient answers

        // Mostly happy patients; slow first responses and bot-only visits pull some down.
        var slow = episode.FirstResponseSeconds > 30 * 60 || episode.ResolvedBy is null;
        var roll = random.NextDouble();
        var rating = slow ? (roll < 0.35 ? 2 : roll < 0.6 ? 3 : roll < 0.85 ? 4 : 1) : (roll < 0.55 ? 5 : roll < 0.85 ? 4 : 3);
        var answeredAt = at.AddMinutes(random.Next(1, 90));
        // The rating answers the survey: it is kept in the thread but, like any survey answer, does not reopen it.
        var answer = Message.Inbound(thread.Conversation.Id, thread.Identity.Id, new InboundMessage(p.Channel, thread.Account, answeredAt,
            new InboundSender(thread.ExternalId, p.Name, thread.Identity.Phone), $"{thread.Prefix}-rating", MessageType.Text, rating.ToString(CultureInfo.InvariantCulture)));
        thread.Db.Messages.Add(answer);
        var comments = rating >= 4 ? GoodComments : PoorComments;
        survey.Answer(rating, random.NextDouble() < 0.5 ? comments[random.Next(comments.Length)] : null, answer.Id, answeredAt);
    }

    /// <summary>Writes one episode's messages through the conversation, as the inbound path and the sender would.</summary>
    private sealed class Thread(InboxDbContext db, Conversation conversation, ChannelIdentity identity, Patient patient, string account, string externalId, string prefix)
    {
        private int _n;
        public InboxDbContext Db => db;
        public Conversation Conversation => conversation;
        public ChannelIdentity Identity => identity;
        public Patient Patient => patient;
        public string Account => account;
        public string ExternalId => externalId;
        public string Prefix => prefix;

        public void Inbound(string text, DateTimeOffset at)
        {
            var message = Message.Inbound(conversation.Id, identity.Id, new InboundMessage(patient.Channel, account, at,
                new InboundSender(externalId, patient.Name, identity.Phone), $"{prefix}-in-{_n++}", MessageType.Text, text));
            conversation.RecordInbound(message);
            db.Messages.Add(message);
        }

        public Message Outbound(string text, MessageAuthor author, DateTimeOffset at)
        {
            var message = Message.QueueOutbound(conversation.Id, identity.Id, patient.Channel, account, text, author, at);
            message.MarkSent($"{prefix}-out-{_n++}", at.AddSeconds(2));
            message.ApplyReceipt(DeliveryStatus.Read, at.AddMinutes(1));
            conversation.MarkRead();
            conversation.RecordOutbound(message);
            db.Messages.Add(message);
            return message;
        }
    }
}
