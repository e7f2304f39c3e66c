using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// One demo patient and their thread over the last 90 days: the patient writes first, staff answer,
/// sometimes the patient writes twice. The conversation is updated by the same domain methods the app
/// uses, so its preview, times, channel mask, unread count and episode facts agree with its messages. Most
/// threads are resolved (they end with staff), some are pending (staff asked something) and some open
/// (patient waiting). For the reports: some start with the bot (kept by it, or handed over and taken by a
/// person), some were resolved and reopened (two episodes), and each person's resolution has its survey.
/// </summary>
internal sealed class DemoConversationWriter(Random random, IReadOnlyDictionary<ChannelKind, string> accounts, Guid inboxId, DateTimeOffset now, string run,
    IReadOnlyList<string>? staffIds = null)
{
    private static readonly MessageAuthor FrontDesk = MessageAuthor.Agent("demo-front-desk", "Front desk");

    public long Messages { get; private set; }

    public async Task WriteAsync(DemoRows rows, int n, int count, CancellationToken ct)
    {
        var person = DemoPeople.Create(random, n);
        var account = accounts[person.Channel];
        var externalId = person.Channel switch
        {
            ChannelKind.WhatsApp => person.Phone[1..],
            ChannelKind.Messenger => (6_400_000_000_000_000L + n).ToString(CultureInfo.InvariantCulture),
            _ => "U" + n.ToString("x32", CultureInfo.InvariantCulture),
        };
        var roll = random.NextDouble();
        var status = roll < 0.80 ? ConversationStatus.Resolved : roll < 0.88 ? ConversationStatus.Pending : roll < 0.90 ? ConversationStatus.Snoozed : ConversationStatus.Open;
        if (count == 1) status = ConversationStatus.Open;   // nobody has answered yet

        // The thread ends at a random moment of the last 90 days (open ones recently); messages go back from there.
        var end = now - TimeSpan.FromMinutes(status == ConversationStatus.Open ? random.Next(1, 3 * 24 * 60) : random.Next(1, 90 * 24 * 60));
        var times = new DateTimeOffset[count];
        times[^1] = end;
        for (var i = count - 2; i >= 0; i--) times[i] = times[i + 1] - TimeSpan.FromMinutes(random.Next(1, 6 * 60));

        var fromPatient = Speakers(count, status);
        var contact = new Contact(person.Name, PhoneNumber.Parse(person.Phone), times[0]);
        var identity = contact.AddIdentity(person.Channel, account, externalId, person.Name, person.Channel == ChannelKind.WhatsApp ? externalId : null);
        var conversation = new Conversation(contact.Id, inboxId, times[0]);
        // A quarter start with the bot: it keeps some to the end (contained) and hands the rest over to people.
        var bot = count >= 2 && random.NextDouble() < 0.25 ? (random.NextDouble() < 0.35 ? BotRole.Contains : BotRole.HandsOver) : BotRole.None;
        if (bot != BotRole.None) conversation.StartWithBot();
        // Who works the others: the person it is assigned to (70%), else whoever was at the desk for each reply.
        var owner = bot == BotRole.None && staffIds is { Count: > 0 } && random.NextDouble() < 0.7 ? staffIds[random.Next(staffIds.Count)] : null;
        if (owner is not null) conversation.AssignTo(owner, null, times[0]);
        // Some resolved threads were resolved once before and reopened by the patient writing again.
        var reopenAfter = status == ConversationStatus.Resolved && bot == BotRole.None && random.NextDouble() < 0.2 ? ReopenPoint(fromPatient) : -1;
        var thread = new List<Message>(count);
        var episodes = new List<ConversationEpisode>(2);
        for (var i = 0; i < count; i++)
        {
            var id = $"{run}.{n}.{i}";
            if (fromPatient[i])
            {
                var text = DemoPeople.PatientTexts[random.Next(DemoPeople.PatientTexts.Length)];
                var message = Message.Inbound(conversation.Id, identity.Id,
                    new InboundMessage(person.Channel, account, times[i], new InboundSender(externalId, person.Name, identity.Phone), "demo-in." + id, MessageType.Text, text));
                conversation.RecordInbound(message);
                thread.Add(message);
                continue;
            }
            var author = conversation.HandledBy == HandledBy.Bot ? MessageAuthor.Bot : StaffMember(owner);
            var reply = Message.QueueOutbound(conversation.Id, identity.Id, person.Channel, account, DemoPeople.StaffTexts[random.Next(DemoPeople.StaffTexts.Length)], author, times[i]);
            reply.MarkSent("demo-out." + id, times[i].AddSeconds(2));
            reply.ApplyReceipt(i == count - 1 && random.Next(3) == 0 ? DeliveryStatus.Delivered : DeliveryStatus.Read, times[i].AddMinutes(1));
            if (author.Kind == AuthorKind.Agent) conversation.MarkRead();   // staff answered: they had read the thread
            conversation.RecordOutbound(reply);
            thread.Add(reply);
            if (bot == BotRole.HandsOver && conversation.HandledBy == HandledBy.Bot)
            {
                // After the bot's first answer the patient asks for a person; someone takes it within the next message's gap.
                var handover = times[i].AddSeconds(20);
                conversation.HandOver("Asked for: Talk to a person", null, Priority.Normal, handover);
                var taker = StaffMember(null);
                var gap = i + 1 < count ? times[i + 1] - handover : TimeSpan.FromMinutes(5);
                if (gap > TimeSpan.FromSeconds(2)) conversation.Take(taker.Id!, handover + gap * random.NextDouble() * 0.9);
                owner = taker.Id;
            }
            if (i == reopenAfter) episodes.Add(conversation.Resolve(times[i].AddSeconds(30), author.Id));
        }

        // The inbox's workflow, so every view and filter has rows: a few are urgent or high.
        var urgency = random.NextDouble();
        if (urgency < 0.03) conversation.ChangePriority(Priority.Urgent);
        else if (urgency < 0.13) conversation.ChangePriority(Priority.High);
        switch (status)
        {
            case ConversationStatus.Resolved:
                var resolvedAt = Min(times[^1].AddSeconds(random.Next(30, 900)), now);
                episodes.Add(conversation.Resolve(resolvedAt, bot == BotRole.Contains ? null : owner ?? StaffMember(null).Id));
                break;
            case ConversationStatus.Pending when conversation.Status == ConversationStatus.Open: conversation.MarkPending(); break;
            case ConversationStatus.Snoozed when conversation.Status == ConversationStatus.Open: conversation.Snooze(now.AddHours(random.Next(1, 72)), now); break;
        }

        await rows.Contacts.ExecuteAsync(contact, ct);
        await rows.Identities.ExecuteAsync(identity, ct);
        await rows.Conversations.ExecuteAsync(conversation, ct);
        foreach (var message in thread) await rows.Messages.ExecuteAsync(message, ct);
        foreach (var episode in episodes)
        {
            await rows.Episodes.ExecuteAsync(episode, ct);
            if (Survey(episode, person.Channel) is { } survey) await rows.Surveys.ExecuteAsync(survey, ct);
        }
        Messages += count;
    }

    private enum BotRole { None, Contains, HandsOver }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private MessageAuthor StaffMember(string? owner)
    {
        if (staffIds is not { Count: > 0 }) return FrontDesk;
        var id = owner ?? staffIds[random.Next(staffIds.Count)];
        return MessageAuthor.Agent(id, "Staff");
    }

    /// <summary>A staff reply followed by the patient writing again, in the first half of the thread (-1: none).</summary>
    private int ReopenPoint(bool[] fromPatient)
    {
        for (var k = 1; k < fromPatient.Length / 2; k++)
            if (!fromPatient[k] && fromPatient[k + 1]) return k;
        return -1;
    }

    /// <summary>
    /// The survey due at a person's resolution, as the survey sender would leave it: mostly sent (some too late for
    /// the channel's window, a few to patients who opted out); about 40% answered, mostly 4s and 5s, some with a comment.
    /// </summary>
    private CsatSurvey? Survey(ConversationEpisode episode, ChannelKind channel)
    {
        if (episode.ResolvedBy is null) return null;
        var roll = random.NextDouble();
        var outcome = roll < 0.90 ? SurveyOutcome.Sent : roll < 0.98 ? SurveyOutcome.NotSentWindowClosed : SurveyOutcome.NotSentOptedOut;
        var survey = new CsatSurvey(episode, episode.SharedInboxId, channel, outcome, null, viaTemplate: false, episode.ResolvedAt);
        var answeredAt = episode.ResolvedAt.AddMinutes(random.Next(1, 240));
        if (outcome != SurveyOutcome.Sent || random.NextDouble() >= 0.4 || answeredAt > now) return survey;
        var score = random.NextDouble();
        var rating = score < 0.55 ? 5 : score < 0.80 ? 4 : score < 0.90 ? 3 : score < 0.95 ? 2 : 1;
        var comments = rating >= 4 ? DemoPeople.HappyComments : DemoPeople.UnhappyComments;
        var comment = random.NextDouble() < 0.3 ? comments[random.Next(comments.Length)] : null;
        survey.Answer(rating, comment, Guid.CreateVersion7(), answeredAt);
        return survey;
    }

    /// <summary>Who writes each message: the patient opens; then mostly alternating, with some double messages.</summary>
    private bool[] Speakers(int count, ConversationStatus status)
    {
        var fromPatient = new bool[count];
        fromPatient[0] = true;
        for (var i = 1; i < count; i++) fromPatient[i] = random.Next(5) == 0 ? fromPatient[i - 1] : !fromPatient[i - 1];
        // Open threads wait on the patient's last message; resolved and pending ones end with staff.
        if (count > 1) fromPatient[^1] = status == ConversationStatus.Open;
        return fromPatient;
    }
}
