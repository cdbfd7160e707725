namespace TicketSense.Contracts;

/// <summary>
/// An incident spike (<c>GET /alerts/spikes</c>): <see cref="TicketCount"/> tickets of <see cref="Category"/> tagged
/// <see cref="Tag"/> arriving close together. <see cref="Active"/> until one spike window passes without another.
/// </summary>
public sealed record SpikeResponse(
    long Id,
    Category Category,
    string Tag,
    int TicketCount,
    DateTimeOffset FirstReceivedAt,
    DateTimeOffset LastReceivedAt,
    DateTimeOffset DetectedAt,
    bool Active);
