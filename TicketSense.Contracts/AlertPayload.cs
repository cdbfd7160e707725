namespace TicketSense.Contracts;

/// <summary>
/// The body of a webhook POST: <c>{"event", "delivery_id", "ticket"}</c>. <see cref="Ticket"/> is null for events about
/// no single ticket (a spike).
/// </summary>
public sealed record AlertPayload(AlertEvent Event, Guid DeliveryId, AlertTicket? Ticket);
