using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.EndToEnd;

/// <summary>A posted ticket as the developer sees it in the Aspire dashboard, read through the dashboard's telemetry API.</summary>
[Collection(SystemCollection.Name)]
public sealed class TraceTests(SystemFixture system)
{
    [Fact]
    public async Task A_posted_ticket_is_one_trace_with_spans_from_the_api_postgres_and_redis()
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tickets") { Content = JsonContent.Create(ApiFixture.NewTicket("e2e-trace-1")) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        // A client that sends our traceparent as it is. The shared client's handler propagates the test process's own
        // activity: when another test's host is listening to HttpClient activities at that moment, it replaced our
        // header with a trace of its own, and the dashboard never saw this one (the flake this test had).
        using var api = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = system.App.GetEndpoint("api", "http"),
        };
        (await api.SendAsync(request)).EnsureSuccessStatusCode();

        using var dashboard = new HttpClient { BaseAddress = system.DashboardUrl };
        dashboard.DefaultRequestHeaders.Add("X-API-Key", SystemFixture.DashboardApiKey);
        IReadOnlyList<DashboardSpan> spans = [];
        var lastAnswer = "";
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(90))
        {
            var response = await dashboard.GetAsync($"/api/telemetry/traces/{traceId}");
            var body = await response.Content.ReadAsStringAsync();
            lastAnswer = $"{(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}";
            if (response.IsSuccessStatusCode)
            {
                spans = DashboardSpan.All(JsonDocument.Parse(body).RootElement);
                // The request's own span ends last, so it is exported last.
                if (spans.Any(IsRequest) && spans.Any(s => s.IsDatabase("postgresql")) && spans.Any(s => s.IsDatabase("redis"))) break;
            }
            await Task.Delay(1000);
        }

        var described = string.Join("\n", spans.Select(s => s.ToString()));
        if (spans.Count == 0)
        {
            Assert.Fail($"The dashboard has no span of trace {traceId} after {clock.Elapsed.TotalSeconds:0} s; it last answered {lastAnswer}.\n"
                + await NewestApiTracesAsync(dashboard));
        }
        Assert.All(spans, span => Assert.Equal(traceId, span.TraceId));
        Assert.True(spans.Any(IsRequest), "No POST /tickets span from the api:\n" + described);
        Assert.True(spans.Any(s => s.Service == "api" && s.IsDatabase("postgresql")), "No Postgres span from the api:\n" + described);
        Assert.True(spans.Any(s => s.Service == "api" && s.IsDatabase("redis")), "No Redis span from the api:\n" + described);
        Assert.True(spans.Any(s => s.Name == "triage"), "No triage span:\n" + described);
    }

    /// <summary>What the dashboard holds from the api, for a failure's message: was the trace lost, or everything after it?</summary>
    private static async Task<string> NewestApiTracesAsync(HttpClient dashboard)
    {
        var body = await dashboard.GetStringAsync("/api/telemetry/traces?resource=api&limit=15");
        using var json = JsonDocument.Parse(body);
        var total = json.RootElement.TryGetProperty("totalCount", out var count) ? count.ToString() : "?";
        var requests = DashboardSpan.All(json.RootElement).Where(s => !s.Attributes.ContainsKey("db.system") && !s.Attributes.ContainsKey("db.system.name"));
        return $"It holds {total} api traces; the newest spans:\n" + string.Join("\n", requests.Select(s => $"{s.TraceId} {s.Name}"));
    }

    private static bool IsRequest(DashboardSpan span) => span.Service == "api" && span.Name.StartsWith("POST /tickets", StringComparison.Ordinal);
}
