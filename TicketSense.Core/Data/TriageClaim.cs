namespace TicketSense.Core.Data;

/// <summary>A row of <c>triage_claims</c>: a worker's lease on a ticket it is triaging; an expired lease may be taken again.</summary>
public sealed class TriageClaim
{
    public required string TicketId { get; init; }
    public required string WorkerId { get; set; }
    public required DateTimeOffset LeaseUntil { get; set; }
}
