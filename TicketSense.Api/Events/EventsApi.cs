using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Api.Access;

namespace TicketSense.Api.Events;

/// <summary><c>GET /events</c>: server-sent events for the live dashboard (<see cref="LiveEvents"/>).</summary>
public static class EventsApi
{
    public static RouteHandlerBuilder MapEvents(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/events", Stream)
            .WithTags("Events")
            .WithName("StreamEvents")
            .WithSummary("Live events (text/event-stream): triaged, overview, heartbeat")
            .WithDescription("event: triaged (data = TicketResponse) for each ticket triaged anywhere; event: overview " +
                "(data = OverviewResponse) after each overview refresh; event: heartbeat (data = {}) at once on connecting " +
                "— carrying retry: 2000, the reconnection delay — then every Api:HeartbeatSeconds (15 s), so a quiet stream stays open.")
            .RequireWriteAccess();

    private static ServerSentEventsResult<string> Stream(LiveEventHub hub, HttpResponse response, CancellationToken cancellationToken)
    {
        // nginx buffers responses unless told not to; an event must reach the browser when it happens.
        response.Headers["X-Accel-Buffering"] = "no";
        return TypedResults.ServerSentEvents(hub.SubscribeAsync(cancellationToken));
    }
}
