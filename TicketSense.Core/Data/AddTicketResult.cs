namespace TicketSense.Core.Data;

/// <summary>
/// What adding a ticket did: stored it (<see cref="Stored"/> holds it with its <c>created_at</c>), or found its id
/// taken and left the existing row untouched.
/// </summary>
public sealed record AddTicketResult(Ticket? Stored)
{
    public static AddTicketResult DuplicateId { get; } = new((Ticket?)null);

    public bool IsDuplicateId => Stored is null;

    /// <summary>
    /// The result of an <c>INSERT … ON CONFLICT DO NOTHING RETURNING created_at</c> of <paramref name="ticket"/>: one
    /// stamp when it was stored, none when the id was taken. The stored ticket is as a later read returns it (in UTC).
    /// </summary>
    public static AddTicketResult From(Ticket ticket, IReadOnlyList<DateTimeOffset> createdAt) =>
        createdAt is [var stamp]
            ? new AddTicketResult(new Ticket
            {
                Id = ticket.Id,
                Sender = ticket.Sender,
                Subject = ticket.Subject,
                Body = ticket.Body,
                ReceivedAt = ticket.ReceivedAt.ToUniversalTime(),
                CreatedAt = stamp,
                CreatedBy = ticket.CreatedBy,
            })
            : DuplicateId;
}
