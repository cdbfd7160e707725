using System.Net.ServerSentEvents;
using Microsoft.Extensions.Options;
using TicketSense.Web.Access;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace TicketSense.Web.Api;

/// <summary>
/// <c>GET /live</c>: the Api's <c>/events</c> forwarded by YARP, so the page never needs the Api's address. When the
/// Api cannot be reached (or answers an error) the browser gets a 200 stream of one <c>api-unavailable</c> event with
/// <c>retry: 2000</c> instead of a 502, after which EventSource would give up for good: it shows the state and reconnects.
/// </summary>
public static class LiveEventsForwarder
{
    private static readonly SseItem<string> ApiUnavailable = new("{}", "api-unavailable") { ReconnectionInterval = TimeSpan.FromSeconds(2) };

    public static IEndpointConventionBuilder MapLiveEvents(this IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var forwarder = services.GetRequiredService<IHttpForwarder>();
        // Resolves http://api by service discovery (AddHttpForwarderWithServiceDiscovery); no timeout: the stream stays open.
        var client = services.GetRequiredService<IForwarderHttpClientFactory>()
            .CreateClient(new ForwarderHttpClientContext { NewConfig = HttpClientConfig.Empty });
        var toEvents = services.GetRequiredService<ITransformBuilder>().Create(transforms =>
        {
            transforms.AddPathSet("/events");
            // The Api trusts the dashboard's key, never the browser's cookies or credentials.
            transforms.AddRequestHeaderRemove("Cookie");
            transforms.AddRequestHeaderRemove("Authorization");
            if (services.GetRequiredService<IOptions<WebAccessOptions>>().Value.ApiKey is { Length: > 0 } key)
                transforms.AddRequestHeader("Authorization", $"Bearer {key}", append: false);
            transforms.AddResponseTransform(context =>
            {
                context.SuppressResponseBody = context.ProxyResponse is { IsSuccessStatusCode: false };
                return ValueTask.CompletedTask;
            });
        });

        return routes.MapGet("/live", async (HttpContext context) =>
        {
            await forwarder.SendAsync(context, ApiClientRegistration.ApiBaseAddress, client, ForwarderRequestConfig.Empty, toEvents);
            // Nothing sent yet: the forwarder failed (it set a 502) or the Api answered an error, whose body was suppressed.
            if (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                context.Response.Clear();
                await TypedResults.ServerSentEvents(new[] { ApiUnavailable }.ToAsyncEnumerable()).ExecuteAsync(context);
            }
        }).ExcludeFromDescription();
    }
}
