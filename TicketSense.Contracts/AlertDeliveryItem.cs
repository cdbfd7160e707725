namespace TicketSense.Contracts;

/// <summary>
/// One webhook delivery in <c>GET /alerts/deliveries</c>. <see cref="LastStatus"/> is the HTTP status of the last
/// attempt, or a short error kind (<c>timeout</c>, <c>network</c>, …) when there was no answer.
/// </summary>
public sealed record AlertDeliveryItem(
    Guid DeliveryId,
    string Endpoint,
    string? TicketId,
    AlertEvent Event,
    AlertDeliveryStatus Status,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    string? LastStatus);
