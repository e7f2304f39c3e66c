using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

public sealed class DeliveryStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Message Queued() =>
        Message.QueueOutbound(Guid.NewGuid(), Guid.NewGuid(), ChannelKind.WhatsApp, "acc", "Hi", MessageAuthor.Agent("a1", "Ana"), Now);

    [Fact]
    public void A_late_delivered_receipt_never_undoes_read()
    {
        var message = Queued();
        message.MarkSent("wamid.1", Now);

        Assert.True(message.ApplyReceipt(DeliveryStatus.Read, Now.AddSeconds(5)));
        Assert.False(message.ApplyReceipt(DeliveryStatus.Delivered, Now.AddSeconds(6)));
        Assert.Equal(DeliveryStatus.Read, message.Status);
    }

    [Fact]
    public void Read_may_arrive_without_delivered()
    {
        var message = Queued();
        message.MarkSent("wamid.1", Now);

        Assert.True(message.ApplyReceipt(DeliveryStatus.Read, Now));
        Assert.Equal(DeliveryStatus.Read, message.Status);
    }

    [Fact]
    public void Failed_may_follow_sent_and_keeps_the_reason()
    {
        var message = Queued();
        message.MarkSent("wamid.1", Now);

        Assert.True(message.ApplyReceipt(DeliveryStatus.Failed, Now, "131026", "Undeliverable"));
        Assert.Equal(DeliveryStatus.Failed, message.Status);
        Assert.Equal("131026", message.ErrorCode);
        Assert.False(message.ApplyReceipt(DeliveryStatus.Delivered, Now), "nothing moves a failed message but a retry");
    }

    [Fact]
    public void A_transient_failure_keeps_the_message_queued_with_its_next_attempt()
    {
        var message = Queued();
        message.ScheduleRetry("500", "WhatsApp answered 500", Now.AddSeconds(2));

        Assert.Equal(DeliveryStatus.Queued, message.Status);
        Assert.Equal(1, message.SendAttempts);
        Assert.Equal(Now.AddSeconds(2), message.NextAttemptAt);
        Assert.Equal("WhatsApp answered 500", message.ErrorReason);
    }

    [Fact]
    public void Sending_clears_the_retry_state()
    {
        var message = Queued();
        message.ScheduleRetry("500", "down", Now.AddSeconds(2));
        message.MarkSent("wamid.9", Now.AddSeconds(2));

        Assert.Equal(DeliveryStatus.Sent, message.Status);
        Assert.Null(message.NextAttemptAt);
        Assert.Null(message.ErrorReason);
        Assert.Equal(2, message.SendAttempts);
    }

    [Fact]
    public void Only_a_failed_message_can_be_requeued()
    {
        var message = Queued();
        Assert.Throws<InboxDomainException>(() => message.Requeue(Now));

        message.MarkFailed("131026", "Undeliverable", Now);
        message.Requeue(Now.AddMinutes(1));
        Assert.Equal(DeliveryStatus.Queued, message.Status);
        Assert.Equal(Now.AddMinutes(1), message.NextAttemptAt);
    }

    [Theory]
    [InlineData(DeliveryStatus.Queued, DeliveryStatus.Sent, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Queued, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Delivered, DeliveryStatus.Failed, true)]
    [InlineData(DeliveryStatus.Read, DeliveryStatus.Failed, false)]
    [InlineData(DeliveryStatus.Failed, DeliveryStatus.Read, false)]
    public void Statuses_only_move_forward(DeliveryStatus current, DeliveryStatus next, bool allowed) =>
        Assert.Equal(allowed, DeliveryStatusRules.CanAdvance(current, next));
}
