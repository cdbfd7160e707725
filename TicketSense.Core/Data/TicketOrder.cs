namespace TicketSense.Core.Data;

/// <summary>How <c>GET /tickets</c> sorts: newest first by <c>received_at</c> (default) or by <c>created_at</c>, then by id.</summary>
public enum TicketOrder
{
    ReceivedAt,
    CreatedAt,
}
