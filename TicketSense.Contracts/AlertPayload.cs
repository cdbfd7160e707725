using System.Text.Json.Serialization;

namespace TicketSense.Contracts;

/// <summary>
/// The body of a webhook POST: <c>{"event", "delivery_id", "ticket"}</c>, and for a <c>spike</c> event also
/// <c>"spike"</c> (the ticket is then the one that raised it).
/// </summary>
public sealed record AlertPayload(
    AlertEvent Event,
    Guid DeliveryId,
    AlertTicket? Ticket,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SpikeResponse? Spike = null);
