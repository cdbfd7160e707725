namespace TicketSense.Core.Data;

/// <summary>
/// How <c>GET /tickets</c> sorts: newest first by <c>received_at</c> (default) or by <c>created_at</c>, or least sure
/// first by <c>confidence</c> (the lowest of a triage's three; unknown counts as sure, pending last); then by id.
/// </summary>
public enum TicketOrder
{
    ReceivedAt,
    CreatedAt,
    Confidence,
}
