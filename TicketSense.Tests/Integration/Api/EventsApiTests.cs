using System.Net.ServerSentEvents;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Api.Events;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Testing;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

public sealed class EventsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_triage_is_streamed_as_a_triaged_event_and_an_overview_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await api.Client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var events = await EnumerateAsync(response, timeout.Token);
        Assert.True(await events.MoveNextAsync());
        Assert.Equal("heartbeat", events.Current.EventType); // the first event: subscribed

        await api.PostAsync("sse-1");

        string? triaged = null, overview = null;
        while ((triaged is null || overview is null) && await events.MoveNextAsync())
        {
            if (events.Current.EventType == "triaged") triaged = events.Current.Data;
            if (events.Current.EventType == "overview") overview = events.Current.Data;
        }
        Assert.StartsWith("{\"id\":\"sse-1\"", triaged);
        Assert.Contains("\"triage\":{\"priority\":", triaged);
        Assert.StartsWith("{\"total_tickets\":", overview);
    }

    [Fact]
    public async Task A_triage_recorded_in_this_process_is_sent_as_it_is_without_a_read()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var response = await api.Client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var events = await EnumerateAsync(response, timeout.Token);
        Assert.True(await events.MoveNextAsync()); // subscribed

        // A ticket Postgres has never seen: only the response this process holds can produce its event.
        var unstored = new TicketResponse("in-process-1", "a@example.com", "s", "b", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null, null);
        await api.Factory.Services.GetRequiredService<TriageEvents>().PublishTriagedAsync(unstored, timeout.Token);

        while (await events.MoveNextAsync() && events.Current.EventType != "triaged")
        {
        }
        Assert.StartsWith("{\"id\":\"in-process-1\"", events.Current.Data);
    }

    [Fact]
    public async Task The_stream_opens_with_a_heartbeat_carrying_the_retry_delay_then_repeats_it()
    {
        await using var quick = new ApiFactory(api.Storage, new Dictionary<string, string?> { ["Api:HeartbeatSeconds"] = "1" });
        using var client = quick.CreateClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await client.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        await using var events = await EnumerateAsync(response, timeout.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(("heartbeat", "{}", TimeSpan.FromSeconds(2)), (events.Current.EventType, events.Current.Data, events.Current.ReconnectionInterval));
        Assert.True(await events.MoveNextAsync());
        Assert.Equal(("heartbeat", "{}", (TimeSpan?)null), (events.Current.EventType, events.Current.Data, events.Current.ReconnectionInterval));
    }

    [Fact]
    public async Task A_client_that_leaves_is_unsubscribed()
    {
        var hub = api.Factory.Services.GetRequiredService<LiveEventHub>();
        var before = hub.ClientCount;
        using (var cancel = new CancellationTokenSource())
        {
            using var response = await api.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/events"), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
            await reader.ReadLineAsync(cancel.Token);
            Assert.Equal(before + 1, hub.ClientCount);
            cancel.Cancel();
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (hub.ClientCount != before && DateTimeOffset.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(before, hub.ClientCount);
    }

    private static async Task<IAsyncEnumerator<SseItem<string>>> EnumerateAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        SseParser.Create(await response.Content.ReadAsStreamAsync(cancellationToken)).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
}
