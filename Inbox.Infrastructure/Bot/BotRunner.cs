using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Core.Appointments;
using Inbox.Core.Audit;
using Inbox.Core.Bot;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Bot;

/// <summary>
/// Answers patient messages for inboxes whose bot is on, after the inbound batch has committed. One pending turn
/// per message, in the order patients wrote; each turn's answer (bot messages into the normal outbound queue,
/// consent lines, appointment requests, a handover) commits together with the turn's removal, so a crash redoes
/// the turn rather than answering twice.
/// </summary>
internal sealed class BotRunner(
    IServiceScopeFactory scopes,
    IBotEngine engine,
    IInboxNotifier notifier,
    IAuditTrail audit,
    BotWork work,
    OutboundWork outbound,
    TimeProvider clock,
    ILogger<BotRunner> logger) : QueueDrainer(logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);
    private static readonly AuditActor BotActor = new("system", "bot", "Bot");

    protected override string Work => "Bot turns";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => RunDueAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => work.WaitAsync(IdlePoll, ct);

    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var turns = await db.PendingBotTurns.AsNoTracking().OrderBy(t => t.CreatedAt).Take(BatchSize).ToListAsync(ct);
        foreach (var turn in turns)
        {
            List<InboxChange> changes;
            bool handedOver;
            try { (changes, handedOver) = await RunAsync(db, turn, ct); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A turn the bot cannot take must not block every later one: people answer this patient instead.
                logger.LogError("Bot turn {TurnId} failed ({Error}); handing the conversation over", turn.Id, ex.GetType().Name);
                db.ChangeTracker.Clear();
                (changes, handedOver) = await GiveUpAsync(db, turn, ct);
            }
            db.ChangeTracker.Clear();
            if (changes.Count > 0) await notifier.PublishAsync(changes, ct);
            if (handedOver)
                await audit.RecordAsync([new AuditEntry(clock.GetUtcNow(), BotActor, AuditActions.Handover, AuditSubjects.Conversation, turn.ConversationId.ToString(), null)], ct);
        }
        if (turns.Count > 0) outbound.Pulse();
        return turns.Count;
    }

    private async Task<(List<InboxChange> Changes, bool HandedOver)> GiveUpAsync(InboxDbContext db, PendingBotTurn turn, CancellationToken ct)
    {
        db.Remove(turn);
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == turn.ConversationId, ct);
        var handOver = conversation is { HandledBy: HandledBy.Bot };
        if (handOver) conversation!.HandOver("The bot could not answer", null, Priority.Normal, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (handOver ? [new InboxChange(InboxChangeKind.ConversationUpdated, turn.ConversationId)] : [], handOver);
    }

    private async Task<(List<InboxChange> Changes, bool HandedOver)> RunAsync(InboxDbContext db, PendingBotTurn turn, CancellationToken ct)
    {
        db.Remove(turn);
        var changes = new List<InboxChange>();
        var conversation = await db.Conversations.FirstOrDefaultAsync(c => c.Id == turn.ConversationId, ct);
        var message = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == turn.Id, ct);
        // People own it now (or it is gone): the bot stays silent.
        if (conversation is not { HandledBy: HandledBy.Bot } || message?.ChannelIdentityId is null)
        {
            await db.SaveChangesAsync(ct);
            return (changes, false);
        }

        var now = clock.GetUtcNow();
        var botEnabled = await db.SharedInboxes.AsNoTracking().Where(i => i.Id == conversation.SharedInboxId).Select(i => i.BotEnabled).FirstAsync(ct);
        var version = conversation.BotFlowVersionId is { } pinned
            ? await db.BotFlowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == pinned, ct)
            : await db.BotFlowVersions.AsNoTracking().Where(v => v.SharedInboxId == conversation.SharedInboxId).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        if (!botEnabled || version is null)
        {
            // Switched off since the conversation started: people answer, without the bot announcing anything.
            conversation.HandOver("The inbox's bot is switched off", null, Priority.Normal, now);
            await db.SaveChangesAsync(ct);
            changes.Add(new InboxChange(InboxChangeKind.ConversationUpdated, conversation.Id));
            return (changes, true);
        }

        var consent = await db.CurrentConsentAsync(conversation.ContactId, ct);
        var decision = engine.Decide(new BotTurn(version.Flow, conversation.BotState, consent,
            new BotInput(message.UnsentAt is null ? message.Text : null, message.Extras?.Chosen?.Id, message.Type), now));
        conversation.ContinueBot(version.Id, decision.State);

        void SystemLine(string key, string text)
        {
            var line = Message.System(conversation.Id, message.ChannelIdentityId.Value, message.Channel, message.AccountId, $"bot:{turn.Id}:{key}", text, now);
            db.Messages.Add(line);
            conversation.RecordSystem(line);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, line.Id));
        }

        if (decision.Consent is { } answer)
        {
            db.ConsentRecords.Add(new ConsentRecord(conversation.ContactId, conversation.Id, answer, message.Channel, now));
            SystemLine("consent", answer switch
            {
                ConsentState.Accepted => "Accepted the clinic's terms (recorded in the consent ledger).",
                ConsentState.Declined => "Declined the clinic's terms: the bot collects no personal data.",
                _ => "Opted out of automated messages: the bot will not write again.",
            });
        }
        foreach (var reply in decision.Replies)
        {
            var sent = Message.QueueOutbound(conversation.Id, message.ChannelIdentityId.Value, message.Channel, message.AccountId, reply.Text, MessageAuthor.Bot, now,
                new MessageExtras(Choices: reply.Choices, HandoverNotice: reply.HandoverNotice));
            db.Messages.Add(sent);
            conversation.RecordOutbound(sent);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, sent.Id));
        }
        if (decision.Appointment is { } booking)
        {
            db.AppointmentRequests.Add(new AppointmentRequest(conversation.ContactId, conversation.Id, booking.Service, booking.PreferredTime, booking.PatientName, booking.DateOfBirth, now));
            SystemLine("appointment", $"Appointment requested: {booking.Service}, {booking.PreferredTime}. Confirm or decline it in the patient panel.");
        }
        if (decision.Handover is { } handover)
        {
            conversation.HandOver(handover.Reason, handover.Summary, handover.Priority, now);
            SystemLine("handover", $"Handed over to the team: {conversation.HandoverReason}");
        }
        await db.SaveChangesAsync(ct);
        changes.Add(new InboxChange(InboxChangeKind.ConversationUpdated, conversation.Id));
        return (changes, decision.Handover is not null);
    }
}
