namespace TicketSense.Contracts;

/// <summary><c>GET /alerts/spikes</c>: the newest spikes first; the dashboard shows the active ones as a banner.</summary>
public sealed record SpikeList(IReadOnlyList<SpikeResponse> Items);
