using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// What a triage change owes the webhooks, written in its transaction: the ticket's own alerts (<see cref="AlertRules"/>)
/// and, when the first triage of a ticket that came in through the API tips an incident spike, that spike's alert.
/// </summary>
public sealed class TriageAlerts(AlertOutbox outbox, SpikeDetector spikes)
{
    public async Task RaiseAsync(Ticket ticket, TicketTriage? previous, TicketTriage next, bool isCorrection, CancellationToken cancellationToken)
    {
        await outbox.EnqueueTriageAlertsAsync(ticket, previous, next, isCorrection, cancellationToken);
        if (isCorrection || previous is not null || ticket.Origin != TicketOrigin.Api) return;
        if (await spikes.ObserveAsync(ticket, next, cancellationToken) is { } spike)
        {
            await outbox.EnqueueSpikeAlertsAsync(spike, ticket, next, cancellationToken);
        }
    }
}
