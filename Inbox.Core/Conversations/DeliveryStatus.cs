namespace Inbox.Core.Conversations;

/// <summary>
/// Where an outbound message is. The order of the values is the order of progress: platforms send
/// receipts out of order, so a status only ever moves forward (a late "delivered" never undoes "read").
/// </summary>
public enum DeliveryStatus
{
    Queued = 0,
    Sent = 1,
    Delivered = 2,
    Read = 3,
    Failed = 4,
}

public static class DeliveryStatusRules
{
    /// <summary>True when a receipt saying <paramref name="next"/> may replace <paramref name="current"/>.</summary>
    public static bool CanAdvance(DeliveryStatus current, DeliveryStatus next) => (current, next) switch
    {
        (DeliveryStatus.Failed, _) => false,
        (DeliveryStatus.Read, _) => false,
        (_, DeliveryStatus.Failed) => true,
        _ => next > current,
    };
}
