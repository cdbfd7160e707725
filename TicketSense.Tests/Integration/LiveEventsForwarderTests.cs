using System.Net;
using System.Net.ServerSentEvents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSense.Testing;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Integration;

/// <summary>The Web's <c>/live</c>: the Api's events forwarded as they happen, or an <c>api-unavailable</c> event when the Api is unreachable.</summary>
public sealed class LiveEventsForwarderTests
{
    private static WebApplicationFactory<TicketSense.Web.WebAssembly> WebWithApiAt(string address) =>
        new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(web => web.UseSetting("Services:api:http:0", address));

    [Fact]
    public async Task The_api_unreachable_is_an_api_unavailable_event_with_a_retry_delay_not_an_error()
    {
        await using var web = WebWithApiAt($"http://127.0.0.1:{FreePort.Next()}");

        using var response = await web.CreateClient().GetAsync("/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync().ToListAsync();
        var unavailable = Assert.Single(events);
        Assert.Equal(("api-unavailable", "{}", TimeSpan.FromSeconds(2)), (unavailable.EventType, unavailable.Data, unavailable.ReconnectionInterval));
    }

    [Fact]
    public async Task The_api_events_are_forwarded_as_they_happen()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:HeartbeatSeconds"] = "1" });
        api.UseKestrel(0);
        api.StartServer();
        var apiAddress = api.CreateClient().BaseAddress!.GetLeftPart(UriPartial.Authority);
        await using var web = WebWithApiAt(apiAddress);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));

        using var response = await web.CreateClient().GetAsync("/live", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var events = SseParser.Create(await response.Content.ReadAsStreamAsync(timeout.Token))
            .EnumerateAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(("heartbeat", TimeSpan.FromSeconds(2)), (events.Current.EventType, events.Current.ReconnectionInterval));
        Assert.True(await events.MoveNextAsync()); // a second heartbeat a second later: nothing is buffered on the way
        Assert.Equal("heartbeat", events.Current.EventType);
    }
}
