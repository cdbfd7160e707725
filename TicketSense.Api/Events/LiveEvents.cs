using System.Net.ServerSentEvents;
using System.Text.Json;
using TicketSense.Contracts;

namespace TicketSense.Api.Events;

/// <summary>
/// The events of <c>/events</c>, their data JSON serialised once for every client: <c>triaged</c> (a TicketResponse),
/// <c>overview</c> (an OverviewResponse) and <c>heartbeat</c> (<c>{}</c>: it only keeps a quiet stream open).
/// </summary>
public static class LiveEvents
{
    /// <summary>How long a browser waits before reconnecting a broken stream (the <c>retry</c> field).</summary>
    public static readonly TimeSpan ReconnectionInterval = TimeSpan.FromSeconds(2);

    public static readonly SseItem<string> Heartbeat = new("{}", "heartbeat");

    /// <summary>The first event of a stream: a heartbeat carrying the reconnection hint, sent at once so the client knows it is subscribed.</summary>
    public static readonly SseItem<string> Hello = Heartbeat with { ReconnectionInterval = ReconnectionInterval };

    public static SseItem<string> Triaged(TicketResponse ticket) => new(JsonSerializer.Serialize(ticket, TicketSenseJson.Options), "triaged");

    public static SseItem<string> Overview(OverviewResponse overview) => new(JsonSerializer.Serialize(overview, TicketSenseJson.Options), "overview");
}
