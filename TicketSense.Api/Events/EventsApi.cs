namespace TicketSense.Api.Events;

/// <summary><c>GET /events</c>: server-sent events for the live dashboard, with a comment heartbeat every 15 s.</summary>
public static class EventsApi
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);

    public static RouteHandlerBuilder MapEvents(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/events", StreamAsync)
            .WithTags("Events")
            .WithName("StreamEvents")
            .WithSummary("Live events (text/event-stream)")
            .WithDescription("event: triaged (data = TicketResponse) for each ticket triaged anywhere; event: overview " +
                "(data = OverviewResponse) after each overview refresh; a ': heartbeat' comment every 15 s.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");

    private static async Task StreamAsync(HttpContext context, LiveEventHub hub)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        context.Response.Headers["X-Accel-Buffering"] = "no";

        // Disposing the subscription when the client leaves (RequestAborted) is what keeps the hub from leaking queues.
        using var subscription = hub.Subscribe();
        await WriteAsync(context, ": connected\n\n", cancellationToken);
        try
        {
            Task<bool>? waiting = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                waiting ??= subscription.Reader.WaitToReadAsync(cancellationToken).AsTask();
                var beat = Task.Delay(Heartbeat, cancellationToken);
                if (await Task.WhenAny(waiting, beat) == beat)
                {
                    await WriteAsync(context, ": heartbeat\n\n", cancellationToken);
                    continue;
                }
                if (!await waiting) return;
                waiting = null;
                while (subscription.Reader.TryRead(out var liveEvent))
                {
                    await WriteAsync(context, $"event: {liveEvent.Name}\ndata: {liveEvent.Data}\n\n", cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task WriteAsync(HttpContext context, string text, CancellationToken cancellationToken)
    {
        await context.Response.WriteAsync(text, cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
}
