using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// Which endpoints a triage change alerts, and with which event: a ticket's first triage when it came in through the
/// API (<c>triaged</c>), and a human correction that newly makes it match (<c>corrected</c>: the triage before it did
/// not match that endpoint, the one after does). A later model triage raises nothing. Pure: the outbox's unique key
/// makes sure nothing is owed twice.
/// </summary>
public static class AlertRules
{
    public static IReadOnlyList<(AlertEndpointOptions Endpoint, AlertEvent Event)> Evaluate(
        IEnumerable<AlertEndpointOptions> endpoints, Ticket ticket, TicketTriage? previous, TicketTriage next, bool isCorrection)
    {
        if (isCorrection)
        {
            return [.. endpoints.Where(e => e.Matches(next) && (previous is null || !e.Matches(previous))).Select(e => (e, AlertEvent.Corrected))];
        }
        if (previous is not null || ticket.Origin != TicketOrigin.Api) return [];
        return [.. endpoints.Where(e => e.Matches(next)).Select(e => (e, AlertEvent.Triaged))];
    }
}
