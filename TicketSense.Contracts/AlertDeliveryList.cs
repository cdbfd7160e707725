namespace TicketSense.Contracts;

/// <summary><c>GET /alerts/deliveries</c>: the newest deliveries (filtered by status when asked) and the counts of all.</summary>
public sealed record AlertDeliveryList(IReadOnlyList<AlertDeliveryItem> Items, AlertDeliveryCounts Counts);
