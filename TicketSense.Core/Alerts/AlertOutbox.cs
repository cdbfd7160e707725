using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// Writes webhook deliveries into <c>alert_deliveries</c>, in the caller's transaction, so an alert is owed exactly when
/// the change that raised it is committed. The Worker's dispatcher sends them; <c>GET /alerts/deliveries</c> lists them.
/// </summary>
public sealed class AlertOutbox(TicketsDbContext db, IOptions<AlertOptions> options)
{
    /// <summary>The deliveries a triage change raises (<see cref="AlertRules"/>), one per endpoint it newly matches.</summary>
    public async Task EnqueueTriageAlertsAsync(Ticket ticket, TicketTriage? previous, TicketTriage next, bool isCorrection,
        CancellationToken cancellationToken)
    {
        foreach (var (endpoint, alertEvent) in AlertRules.Evaluate(options.Value.Webhooks, ticket, previous, next, isCorrection))
        {
            var deliveryId = Guid.CreateVersion7();
            var payload = new AlertPayload(alertEvent, deliveryId, ToAlertTicket(ticket, next, endpoint.IncludeContent));
            var body = JsonSerializer.Serialize(payload, TicketSenseJson.Options);
            await EnqueueAsync(endpoint.EndpointName, alertEvent, deliveryId, body, ticket.Id, TicketDedupeKey(ticket.Id), cancellationToken);
        }
    }

    /// <summary>
    /// One <c>spike</c> alert per endpoint for <paramref name="spike"/>, carrying the ticket that raised it: a spike is
    /// alerted once, however many tickets it gathers.
    /// </summary>
    public async Task EnqueueSpikeAlertsAsync(SpikeResponse spike, Ticket ticket, TicketTriage triage, CancellationToken cancellationToken)
    {
        foreach (var endpoint in options.Value.Webhooks)
        {
            var deliveryId = Guid.CreateVersion7();
            var payload = new AlertPayload(AlertEvent.Spike, deliveryId, ToAlertTicket(ticket, triage, endpoint.IncludeContent), spike);
            var body = JsonSerializer.Serialize(payload, TicketSenseJson.Options);
            await EnqueueAsync(endpoint.EndpointName, AlertEvent.Spike, deliveryId, body, ticket.Id, $"spike:{spike.Id}", cancellationToken);
        }
    }

    /// <summary>
    /// Owes <paramref name="endpoint"/> one POST of exactly <paramref name="body"/> (which carries <paramref name="deliveryId"/>).
    /// With a <paramref name="dedupeKey"/>, a second delivery of the same key to the same endpoint is not written: false.
    /// </summary>
    public async Task<bool> EnqueueAsync(string endpoint, AlertEvent alertEvent, Guid deliveryId, string body, string? ticketId,
        string? dedupeKey, CancellationToken cancellationToken)
    {
        var eventName = WireNames.Of(alertEvent);
        var pending = WireNames.Of(AlertDeliveryStatus.Pending);
        var written = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO alert_deliveries (delivery_id, endpoint, ticket_id, event, dedupe_key, body, status, attempts, next_attempt_at)
            VALUES ({deliveryId}, {endpoint}, {ticketId}, {eventName}, {dedupeKey}, {body}, {pending}, 0, now())
            ON CONFLICT (endpoint, dedupe_key) DO NOTHING
            """, cancellationToken);
        return written == 1;
    }

    /// <summary>The newest deliveries first, only those in <paramref name="status"/> when given.</summary>
    public async Task<IReadOnlyList<AlertDeliveryItem>> ListAsync(int limit, AlertDeliveryStatus? status, CancellationToken cancellationToken)
    {
        var deliveries = db.AlertDeliveries.AsNoTracking();
        if (status is { } only) deliveries = deliveries.Where(d => d.Status == only);
        var rows = await deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.DeliveryId).Take(limit).ToListAsync(cancellationToken);
        return [.. rows.Select(d => d.ToItem())];
    }

    /// <summary>How many deliveries are in each status, over the whole outbox.</summary>
    public async Task<AlertDeliveryCounts> CountAsync(CancellationToken cancellationToken)
    {
        var counts = await db.AlertDeliveries.AsNoTracking().GroupBy(d => d.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        return new AlertDeliveryCounts(
            counts.GetValueOrDefault(AlertDeliveryStatus.Pending),
            counts.GetValueOrDefault(AlertDeliveryStatus.Delivered),
            counts.GetValueOrDefault(AlertDeliveryStatus.Failed));
    }

    /// <summary>A ticket raises at most one alert per endpoint, whatever its events.</summary>
    public static string TicketDedupeKey(string ticketId) => $"ticket:{ticketId}";

    private static AlertTicket ToAlertTicket(Ticket ticket, TicketTriage triage, bool includeContent) => new(
        ticket.Id, triage.Priority, triage.Category, triage.Sentiment, triage.Summary, triage.Tags, triage.ToConfidence(),
        ticket.ReceivedAt.UtcDateTime,
        includeContent ? ticket.Sender : null,
        includeContent ? ticket.Subject : null,
        includeContent ? ticket.Body : null);
}
