namespace TicketSense.Web.Api;

/// <summary>
/// <c>GET /live</c>: the Api's <c>/events</c> stream relayed to the browser, so the page never needs the Api's
/// address. When the Api is down or restarts the stream ends, and the browser's EventSource reconnects by itself
/// after the <c>retry</c> delay sent first.
/// </summary>
public static class LiveEventsProxy
{
    public static IEndpointConventionBuilder MapLiveEvents(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/live", async (HttpContext context, IHttpClientFactory clients, ILoggerFactory loggers) =>
        {
            var cancellationToken = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync("retry: 2000\n\n", cancellationToken);
            await context.Response.Body.FlushAsync(cancellationToken);
            try
            {
                var http = clients.CreateClient(TicketSenseApiClient.EventsClientName);
                using var upstream = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                upstream.EnsureSuccessStatusCode();
                await using var stream = await upstream.Content.ReadAsStreamAsync(cancellationToken);
                var buffer = new byte[8192];
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await context.Response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    await context.Response.Body.FlushAsync(cancellationToken);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                loggers.CreateLogger(typeof(LiveEventsProxy)).LogInformation("Live events from the Api unavailable: {Reason}", ex.Message);
                await context.Response.WriteAsync("event: api-unavailable\ndata: {}\n\n", CancellationToken.None);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The browser left.
            }
        }).ExcludeFromDescription();
}
