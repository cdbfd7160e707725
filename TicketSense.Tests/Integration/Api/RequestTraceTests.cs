using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary>
/// The Aspire client integrations trace our storage: a posted ticket's Npgsql and Redis commands are client spans
/// inside the request's trace, under its server span.
/// </summary>
public sealed class RequestTraceTests
{
    private const string RedisSource = "OpenTelemetry.Instrumentation.StackExchangeRedis";

    [Fact]
    public async Task A_posted_ticket_has_npgsql_and_redis_client_spans_under_its_request()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        // Only this test's trace (its own traceparent), whatever other tests run beside it.
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity => { if (activity.TraceId == traceId) spans.Enqueue(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var factory = new ApiFactory(storage);
        await factory.WaitUntilMigratedAsync();

        using var request = new HttpRequestMessage(HttpMethod.Post, "/tickets") { Content = JsonContent.Create(ApiFixture.NewTicket("traced-1")) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().SendAsync(request)).StatusCode);
        // The Redis instrumentation turns profiled commands into spans on a timer, and on shutdown: stop the Api.
        await factory.DisposeAsync();

        var server = Assert.Single(spans, s => s.Kind == ActivityKind.Server);
        Assert.Contains(spans, s => s.Source.Name == "Npgsql" && s.Kind == ActivityKind.Client && DescendsFrom(s, server, spans));
        Assert.Contains(spans, s => s.Source.Name == RedisSource && s.Kind == ActivityKind.Client
            && (string?)s.GetTagItem("db.system") == "redis" && DescendsFrom(s, server, spans));
    }

    private static bool DescendsFrom(Activity span, Activity ancestor, IEnumerable<Activity> spans)
    {
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            if (parent.SpanId == ancestor.SpanId) return true;
        }
        return false;
    }
}
