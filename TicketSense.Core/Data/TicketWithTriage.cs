using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>A ticket and its durable triage record, if it has one yet.</summary>
public sealed record TicketWithTriage(Ticket Ticket, TicketTriage? Triage)
{
    public TicketResponse ToResponse() => new(
        Ticket.Id,
        Ticket.Sender,
        Ticket.Subject,
        Ticket.Body,
        Ticket.ReceivedAt,
        Ticket.CreatedAt,
        Triage?.ToOutput(),
        Triage?.ToMeta(),
        Ticket.CreatedBy);
}
