namespace TicketSense.Contracts;

/// <summary>How many webhook deliveries are in each status, over the whole outbox.</summary>
public sealed record AlertDeliveryCounts(int Pending, int Delivered, int Failed);
