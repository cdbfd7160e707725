using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// A row of <c>alert_deliveries</c>, the webhook outbox: one POST owed to one endpoint, written in the transaction that
/// caused it and sent by the Worker's dispatcher. <see cref="Body"/> is the exact payload, built when enqueued; it is
/// signed when sent. <see cref="DedupeKey"/> is unique per endpoint, so an alert is never owed twice.
/// </summary>
public sealed class AlertDelivery
{
    public required Guid DeliveryId { get; init; }

    /// <summary>The endpoint's stable name (its <c>Name</c>, or its URL without the query string): never the secret.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Null for events about no single ticket (a spike).</summary>
    public string? TicketId { get; init; }

    public required AlertEvent Event { get; init; }

    public string? DedupeKey { get; init; }

    public required string Body { get; init; }

    public AlertDeliveryStatus Status { get; init; }

    public int Attempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? LastAttemptAt { get; init; }

    /// <summary>The last attempt's HTTP status, or a short error kind when there was no answer; never an exception message.</summary>
    public string? LastStatus { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public AlertDeliveryItem ToItem() => new(DeliveryId, Endpoint, TicketId, Event, Status, Attempts, LastAttemptAt, LastStatus);
}
