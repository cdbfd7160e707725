using Microsoft.Extensions.DependencyInjection;
using TicketSense.Api.Events;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

public sealed class EventsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A_triage_is_streamed_as_a_triaged_event_and_an_overview_event()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/events");
        using var response = await api.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        Assert.Equal(": connected", await reader.ReadLineAsync(timeout.Token));

        await api.PostAsync("sse-1");

        var seen = new List<string>();
        string? line;
        while ((line = await reader.ReadLineAsync(timeout.Token)) is not null)
        {
            if (line.Length > 0) seen.Add(line);
            if (seen.Contains("event: overview") && seen.Contains("event: triaged") && seen.Last().StartsWith("data:", StringComparison.Ordinal)) break;
        }

        var triaged = seen.IndexOf("event: triaged");
        Assert.True(triaged >= 0, string.Join("\n", seen));
        Assert.StartsWith("data: {\"id\":\"sse-1\"", seen[triaged + 1]);
        Assert.Contains("\"triage\":{\"priority\":", seen[triaged + 1]);
        var overview = seen.IndexOf("event: overview");
        Assert.StartsWith("data: {\"total_tickets\":", seen[overview + 1]);
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
}
