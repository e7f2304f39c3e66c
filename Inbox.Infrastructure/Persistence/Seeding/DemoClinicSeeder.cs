using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// A small demo clinic for Development: a few patients writing on several channels now, and a month of history for the
/// dashboard (<see cref="DemoClinicHistory"/>). Runs once, on an empty database.
/// </summary>
public static class DemoClinicSeeder
{
    private sealed record Line(bool FromPatient, string Text, int MinutesAgo);

    private sealed record Patient(string Name, string Phone, ChannelKind Channel, string ExternalId, Line[] Lines);

    private static readonly Patient[] Patients =
    [
        new("Anna Müller", "+4915550100001", ChannelKind.WhatsApp, "15550100001",
            [new(true, "Hello, can I move my check-up to Thursday?", 42), new(false, "Of course, Anna. Would 10:30 suit you?", 38), new(true, "Yes, 10:30 is perfect. Thank you!", 2)]),
        new("Chen Wei", "+85255500102", ChannelKind.Line, "U4af4980629a0c7c1d9b0e1a3e5d6f7a8",
            [new(true, "Is my blood test report ready?", 5)]),
        new("Maria Santos", "+5511955500103", ChannelKind.Messenger, "6453728190012345",
            [new(true, "Do you accept Bradesco Saúde insurance?", 180), new(false, "Yes, we do. Please bring your card to the appointment.", 170)]),
        new("Siti Rahmah", "+60125550104", ChannelKind.WhatsApp, "60125550104",
            [new(true, "What time do you open on Saturday?", 60 * 26)]),
        new("Budi Santoso", "+62815550105", ChannelKind.WhatsApp, "62815550105",
            [new(true, "I need to renew my prescription for blood pressure tablets.", 15), new(true, "Can the doctor call me?", 14)]),
        // The same Siti writing from LINE: the demo's possible duplicate, to try the merge on.
        new("Siti Rahmah", "+60125550104", ChannelKind.Line, "U9b0e1a3e5d6f7a84af4980629a0c7c1d",
            [new(true, "Hello, I also wrote on WhatsApp. Can I bring my daughter to my appointment?", 30)]),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        if (await db.Contacts.AnyAsync(ct)) return;
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var inboxId = scope.ServiceProvider.GetRequiredService<ChannelAccountDirectory>().DefaultInboxId;

        // The demo receptionist answered the current threads, so the reports credit a person people can see.
        var receptionist = Identity.StaffSeeder.DemoUsers.First(u => u.Role == Core.Staff.StaffRole.Receptionist).Email;
        var frontDesk = await db.Users.Where(u => u.Email == receptionist).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct) is { } r
            ? MessageAuthor.Agent(r.Id, r.DisplayName) : MessageAuthor.Agent("demo", "Front desk");
        foreach (var p in Patients)
        {
            var account = AccountFor(p.Channel, config);
            var first = now.AddMinutes(-p.Lines.Max(l => l.MinutesAgo));
            var contact = new Contact(p.Name, PhoneNumber.Parse(p.Phone), first);
            var identity = contact.AddIdentity(p.Channel, account, p.ExternalId, p.Name, p.Channel == ChannelKind.WhatsApp ? p.ExternalId : null);
            var conversation = new Conversation(contact.Id, inboxId, first);
            db.AddRange(contact, conversation);
            var n = 0;
            foreach (var line in p.Lines)
            {
                var at = now.AddMinutes(-line.MinutesAgo);
                Message message;
                if (line.FromPatient)
                {
                    var inbound = new InboundMessage(p.Channel, account, at, new InboundSender(p.ExternalId, p.Name, identity.Phone), $"demo-{p.ExternalId}-{n++}", MessageType.Text, line.Text);
                    message = Message.Inbound(conversation.Id, identity.Id, inbound);
                    conversation.RecordInbound(message);
                }
                else
                {
                    message = Message.QueueOutbound(conversation.Id, identity.Id, p.Channel, account, line.Text, frontDesk, at);
                    message.MarkSent($"demo-out-{p.ExternalId}-{n++}", at);
                    message.ApplyReceipt(DeliveryStatus.Read, at.AddMinutes(1));
                    conversation.RecordOutbound(message);
                }
                db.Messages.Add(message);
            }
        }
        // A month of resolved visits, surveys and ratings behind the dashboard.
        await DemoClinicHistory.AddAsync(db, inboxId, channel => AccountFor(channel, config), clock.LocalTimeZone, now, ct);
        // Approved-template examples, so the composer has something to offer once a WhatsApp window closes.
        db.MessageTemplates.AddRange(
            new Inbox.Core.Templates.MessageTemplate(null, "appointment_reminder", "en_US", "Hello {{1}}, this is a reminder of your appointment on {{2}}. Reply here to confirm or change it.", now),
            new Inbox.Core.Templates.MessageTemplate(null, "report_ready", "en_US", "Hello {{1}}, your report is ready. Reply here and we will tell you how to collect it.", now),
            new Inbox.Core.Templates.MessageTemplate(null, "follow_up", "en_US", "Hello {{1}}, we have an answer to your message. Reply here to continue the conversation.", now));
        // The demo clinic shows the bot at work: new patients are greeted by the default flow.
        (await db.SharedInboxes.SingleAsync(i => i.Id == inboxId, ct)).EnableBot(true);
        await db.SaveChangesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<ChannelAccountDirectory>().ReloadAsync(ct);
        scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DemoClinicSeeder))
            .LogInformation("Seeded the demo clinic: {Count} patients", Patients.Length);
    }

    private static string AccountFor(ChannelKind channel, IConfiguration config) => channel switch
    {
        ChannelKind.WhatsApp => config["Channels:WhatsApp:PhoneNumberId"] ?? "demo-whatsapp",
        ChannelKind.Messenger => config["Channels:Messenger:PageId"] ?? "demo-page",
        _ => config["Channels:Line:ChannelId"] ?? Channels.Line.LineRegistration.Schema.DefaultAccountId!,
    };
}
