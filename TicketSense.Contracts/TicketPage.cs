namespace TicketSense.Contracts;

/// <summary>One page of <c>GET /tickets</c>: the items, the total matching the filters, and the page asked for.</summary>
public sealed record TicketPage(
    IReadOnlyList<TicketResponse> Items,
    int Total,
    int Limit,
    int Offset);
