using TicketSense.Contracts;

namespace TicketSense.Core.Alerts;

/// <summary>
/// A row of <c>incident_spikes</c>: many tickets of one category sharing one tag arrived within the spike window
/// (by <c>received_at</c>). Raised once, by the ticket that reached the threshold; every later matching ticket extends
/// it. It is active while a matching ticket arrived within the last window, and calm after.
/// </summary>
public sealed class IncidentSpike
{
    public long Id { get; init; }
    public required Category Category { get; init; }
    public required string Tag { get; init; }

    /// <summary>The tickets of the spike so far: the threshold's worth when it was raised, plus every later one.</summary>
    public required int TicketCount { get; set; }

    /// <summary>The arrival of the earliest ticket counted when it was raised.</summary>
    public required DateTimeOffset FirstReceivedAt { get; init; }

    /// <summary>The arrival of the latest ticket counted; the spike calms one window after it.</summary>
    public required DateTimeOffset LastReceivedAt { get; set; }

    public required DateTimeOffset DetectedAt { get; init; }

    public bool IsActiveAt(DateTimeOffset now, TimeSpan window) => LastReceivedAt + window > now;

    public SpikeResponse ToResponse(DateTimeOffset now, TimeSpan window) =>
        new(Id, Category, Tag, TicketCount, FirstReceivedAt, LastReceivedAt, DetectedAt, IsActiveAt(now, window));
}
