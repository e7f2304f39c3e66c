using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Media;

/// <summary>
/// Downloads inbound attachments through their channel adapter into the media store. The queue is the Messages
/// table (media state pending, with a next attempt time), like the outbound queue: outages are retried with
/// backoff until the platform itself can no longer have the file; refusals by our rules and by the platform
/// are recorded with a reason staff read in the thread. A message the patient unsent (LINE) comes due once more:
/// its file is deleted here, after the unsend has committed, so webhook processing never waits on file I/O and a
/// failed delete is retried like a failed download.
/// </summary>
internal sealed class MediaFetcher(
    IServiceScopeFactory scopes,
    IChannelAdapters adapters,
    MediaIntake intake,
    IMediaStore store,
    IInboxNotifier notifier,
    MediaWork work,
    TimeProvider clock,
    IOptionsMonitor<MediaOptions> options,
    ILogger<MediaFetcher> logger) : QueueDrainer(logger)
{
    // A few at once, so one large video does not hold up the thumbnails behind it; more would crowd 2 cores.
    private const int Parallelism = 3;
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    protected override string Work => "Media fetching";

    protected override Task<int> DrainOnceAsync(CancellationToken ct) => FetchDueAsync(ct);

    protected override Task RestAsync(CancellationToken ct) => work.WaitAsync(IdlePoll, ct);

    /// <summary>Takes in the attachments whose attempt is due; returns how many were tried.</summary>
    public async Task<int> FetchDueAsync(CancellationToken ct)
    {
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            var now = clock.GetUtcNow();
            due = await db.Messages.AsNoTracking()
                .Where(m => m.MediaNextAttemptAt != null && m.MediaNextAttemptAt <= now && (m.MediaState == MediaState.Pending || m.UnsentAt != null))
                .OrderBy(m => m.MediaNextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
        }
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, FetchOneAsync);
        return due.Count;
    }

    private async ValueTask FetchOneAsync(Guid messageId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var message = await db.Messages.SingleAsync(m => m.Id == messageId, ct);
        if (message.UnsentAt is not null)
        {
            await RemoveUnsentAsync(db, message, ct);
            return;
        }
        if (message is not { MediaState: MediaState.Pending, MediaId: { } mediaId }) return;

        var outcome = await DownloadAsync(message, mediaId, ct);
        var now = clock.GetUtcNow();
        switch (outcome)
        {
            case MediaOutcome.Stored stored:
                message.MediaStored(stored.Size, stored.Sha256, stored.ContentType);
                logger.LogInformation("Attachment of message {MessageId} stored ({Size} bytes)", message.Id, stored.Size);
                break;
            case MediaOutcome.Rejected rejected:
                message.MediaGivenUp(MediaState.Rejected, rejected.Reason, rejected.Size);
                logger.LogWarning("Attachment of message {MessageId} rejected: {Reason}", message.Id, rejected.Reason);
                break;
            case MediaOutcome.Failed failed:
                message.MediaGivenUp(MediaState.Failed, failed.Reason);
                logger.LogWarning("Attachment of message {MessageId} failed for good: {Reason}", message.Id, failed.Reason);
                break;
            case MediaOutcome.Retry retry when now - message.CreatedAt >= options.CurrentValue.GiveUpAfter:
                message.MediaGivenUp(MediaState.Failed, Truncate($"Could not be downloaded in time: {retry.Reason}"));
                logger.LogWarning("Attachment of message {MessageId} given up after {Attempts} attempts", message.Id, message.MediaAttempts);
                break;
            case MediaOutcome.Retry retry:
                var delay = Backoff(message.MediaAttempts);
                message.MediaRetryAt(Truncate(retry.Reason), now + delay);
                logger.LogWarning("Attachment of message {MessageId} not downloaded (attempt {Attempt}); retrying in {Delay}", message.Id, message.MediaAttempts, delay);
                break;
        }
        await db.SaveChangesAsync(ct);
        // An unsend that committed during the download: our save cleared its due time, so the file just stored goes now.
        if (outcome is MediaOutcome.Stored && await db.Messages.AnyAsync(m => m.Id == message.Id && m.UnsentAt != null, ct))
        {
            await db.Entry(message).ReloadAsync(ct);
            await RemoveUnsentAsync(db, message, ct);
            return;
        }
        await notifier.PublishAsync([new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id)], ct);
    }

    private async Task RemoveUnsentAsync(InboxDbContext db, Message message, CancellationToken ct)
    {
        try
        {
            await store.DeleteAsync(message.Id, ct);
            message.MediaRemovedAfterUnsend();
            logger.LogInformation("Attachment of unsent message {MessageId} removed", message.Id);
        }
        catch (IOException ex)
        {
            // The file stays unreachable (the message is unsent) and is deleted on a later attempt.
            var delay = Backoff(message.MediaAttempts);
            message.MediaRetryAt(Truncate($"The unsent file could not be deleted yet ({ex.GetType().Name})."), clock.GetUtcNow() + delay);
            logger.LogWarning("Attachment of unsent message {MessageId} not deleted yet; retrying in {Delay}", message.Id, delay);
        }
        await db.SaveChangesAsync(ct);
        await notifier.PublishAsync([new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id)], ct);
    }

    private async Task<MediaOutcome> DownloadAsync(Message message, string mediaId, CancellationToken ct)
    {
        if (intake.RefuseBeforeDownload(message.MediaMimeType) is { } refused) return refused;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.CurrentValue.DownloadTimeout);
        var media = new InboundMedia(mediaId, message.MediaMimeType, message.MediaFileName, message.MediaSha256, message.MediaCaption, message.MediaIsVoice);
        try
        {
            await using var download = await adapters.Get(message.Channel).DownloadMediaAsync(message.AccountId, media, timeout.Token);
            return await intake.TakeAsync(message.Id, message.MediaMimeType, message.MediaSha256, download, timeout.Token);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // A stalled or broken transfer: the platform may well give the file next time.
            return new MediaOutcome.Retry(ex is OperationCanceledException ? "The download took too long; it will be retried." : "The download was interrupted; it will be retried.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            // Anything else (an adapter bug, a full disk) must not stall the queue behind this one attachment.
            logger.LogError(ex, "Attachment of message {MessageId} could not be taken in", message.Id);
            return new MediaOutcome.Retry($"Inbox could not take the file in ({ex.GetType().Name}); it will be retried.");
        }
    }

    private TimeSpan Backoff(int attemptsSoFar)
    {
        var o = options.CurrentValue;
        var exponential = o.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attemptsSoFar, 20));
        var jittered = exponential * (0.8 + Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(Math.Min(jittered, o.RetryMaxDelay.TotalMilliseconds));
    }

    // MediaError holds 300 characters.
    private static string Truncate(string reason) => reason.Length > 300 ? reason[..297] + "..." : reason;
}
