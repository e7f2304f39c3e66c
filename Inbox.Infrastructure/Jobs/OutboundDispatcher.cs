using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Jobs;

/// <summary>
/// Sends queued messages through their channel adapter. The queue is the Messages table itself
/// (status queued, with a next attempt time), so a restart or a platform outage loses nothing:
/// failures that may pass are retried with exponential backoff, for as long as it takes.
/// </summary>
internal sealed class OutboundDispatcher(
    IServiceScopeFactory scopes,
    IChannelAdapters adapters,
    IInboxNotifier notifier,
    OutboundWork work,
    TimeProvider clock,
    IOptions<OutboundOptions> options,
    ILogger<OutboundDispatcher> logger) : QueueDrainer(logger)
{
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(1);

    protected override string Work => "Outbound dispatch";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => DispatchDueAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => work.WaitAsync(IdlePoll, ct);

    /// <summary>LINE documents about a minute; a margin covers the send itself and clock skew.</summary>
    private static readonly TimeSpan ReplyTokenMaxAge = TimeSpan.FromSeconds(50);

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.Messages
            .Where(m => m.NextAttemptAt != null && m.NextAttemptAt <= now && m.Status == DeliveryStatus.Queued)
            .OrderBy(m => m.NextAttemptAt).Take(BatchSize).ToListAsync(ct);
        if (due.Count == 0) return 0;

        var identityIds = due.Select(m => m.ChannelIdentityId).Distinct().ToList();
        var identities = await db.ChannelIdentities.Where(i => identityIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var message in due)
        {
            var identity = identities[message.ChannelIdentityId!.Value];
            if (await Bot.BotSilence.ReasonToHoldBackAsync(db, message, ct) is { } heldBack)
                message.MarkFailed(Bot.BotSilence.ErrorCode, heldBack, clock.GetUtcNow());
            else
                await SendOneAsync(db, message, identity, ct);
            // Saved one at a time: a message the platform accepted is never sent again after a crash mid-batch.
            await db.SaveChangesAsync(ct);
            await notifier.PublishAsync([new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id)], ct);
        }
        return due.Count;
    }

    /// <summary>
    /// Messenger, decided at send time (a message can wait in the queue): a person's reply after the 24-hour window
    /// but within 7 days goes with the HUMAN_AGENT tag. Bot messages never get it.
    /// </summary>
    private async Task<bool> NeedsHumanAgentTagAsync(InboxDbContext db, Message message, CancellationToken ct)
    {
        if (message.Channel != ChannelKind.Messenger || message.AuthorKind != AuthorKind.Agent) return false;
        // Seeks the (ChannelIdentityId, CreatedAt) index.
        var lastInbound = await db.Messages.Where(Message.FromPatient).Where(m => m.ChannelIdentityId == message.ChannelIdentityId)
            .MaxAsync(m => (DateTimeOffset?)m.CreatedAt, ct);
        var now = clock.GetUtcNow();
        return !MessagingWindow.IsOpen(ChannelKind.Messenger, lastInbound, now) && MessagingWindow.HumanAgentTagAllowed(ChannelKind.Messenger, lastInbound, now);
    }

    private async Task SendOneAsync(InboxDbContext db, Message message, ChannelIdentity identity, CancellationToken ct)
    {
        var outbound = new OutboundMessage(message.Id, message.AccountId, new OutboundRecipient(identity.ExternalId, identity.Phone), message.Text ?? "",
            Choices: message.Extras?.Choices,
            Template: message.Extras?.Template,
            // LINE: answer with the patient's fresh reply token (free) when there is one; it is used up either way.
            ReplyToken: identity.TakeReplyToken(clock.GetUtcNow(), ReplyTokenMaxAge),
            HumanAgentTag: await NeedsHumanAgentTagAsync(db, message, ct));
        var result = await adapters.Get(message.Channel).SendAsync(outbound, ct);
        var now = clock.GetUtcNow();
        if (result.Succeeded)
        {
            message.MarkSent(result.ProviderMessageId!, now);
        }
        else if (result.FailureKind == SendFailureKind.Transient)
        {
            var delay = result.RetryAfter ?? Backoff(message.SendAttempts);
            message.ScheduleRetry(result.ErrorCode, result.ErrorReason ?? "Temporary failure.", now + delay);
            logger.LogWarning("Message {MessageId} not sent (attempt {Attempt}, code {Code}); retrying in {Delay}", message.Id, message.SendAttempts, result.ErrorCode, delay);
        }
        else
        {
            message.MarkFailed(result.ErrorCode, result.ErrorReason ?? "The platform refused the message.", now);
            logger.LogWarning("Message {MessageId} failed for good (code {Code})", message.Id, result.ErrorCode);
        }
    }

    private TimeSpan Backoff(int attemptsSoFar)
    {
        var o = options.Value;
        var exponential = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptsSoFar, 20));
        // Jitter keeps many queued messages from hammering a recovering platform at the same instant.
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, o.RetryMaxDelay.TotalMilliseconds));
    }
}
