namespace TicketSense.Contracts;

/// <summary>Where a webhook delivery stands: waiting (first attempt or a retry), acknowledged with a 2xx, or given up.</summary>
public enum AlertDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}
