using System.Globalization;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// One demo patient and their thread over the last 90 days: the patient writes first, staff answer,
/// sometimes the patient writes twice. The conversation is updated by the same domain methods the app
/// uses, so its preview, times, channel mask and unread count agree with its messages. Most threads are
/// resolved (they end with staff), some are pending (staff asked something) and some open (patient waiting).
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
        var thread = new List<Message>(count);
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
            }
            else
            {
                var message = Message.QueueOutbound(conversation.Id, identity.Id, person.Channel, account, DemoPeople.StaffTexts[random.Next(DemoPeople.StaffTexts.Length)], FrontDesk, times[i]);
                message.MarkSent("demo-out." + id, times[i].AddSeconds(2));
                message.ApplyReceipt(i == count - 1 && random.Next(3) == 0 ? DeliveryStatus.Delivered : DeliveryStatus.Read, times[i].AddMinutes(1));
                conversation.MarkRead();   // staff answered: they had read the thread
                conversation.RecordOutbound(message);
                thread.Add(message);
            }
        }

        // The inbox's workflow, so every view and filter has rows: most threads have someone, a few are urgent or high.
        if (staffIds is { Count: > 0 } && random.NextDouble() < 0.7) conversation.AssignTo(staffIds[random.Next(staffIds.Count)], null, now);
        var urgency = random.NextDouble();
        if (urgency < 0.03) conversation.ChangePriority(Priority.Urgent);
        else if (urgency < 0.13) conversation.ChangePriority(Priority.High);
        if (status == ConversationStatus.Snoozed) conversation.Snooze(now.AddHours(random.Next(1, 72)), now);

        await rows.Contacts.ExecuteAsync(contact, ct);
        await rows.Identities.ExecuteAsync(identity, ct);
        // RecordInbound reopens a thread; the chosen status is what staff last set.
        await rows.Conversations.ExecuteAsync(conversation, ct, (p, v) => p.Name == nameof(Conversation.Status) ? status : v);
        foreach (var message in thread) await rows.Messages.ExecuteAsync(message, ct);
        Messages += count;
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
