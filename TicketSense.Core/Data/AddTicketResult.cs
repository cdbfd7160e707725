namespace TicketSense.Core.Data;

/// <summary>
/// What <see cref="TicketRepository.AddAsync"/> did: stored the ticket (<see cref="Stored"/> holds it with its
/// <c>created_at</c>), or found its id taken and left the existing row untouched.
/// </summary>
public sealed record AddTicketResult(Ticket? Stored)
{
    public static AddTicketResult DuplicateId { get; } = new((Ticket?)null);

    public bool IsDuplicateId => Stored is null;
}
