using TicketSense.AppHost.Dashboard;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Logs.V1;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Trace.V1;
using TicketSense.AppHost.Dashboard.Otlp.Common.V1;
using TicketSense.AppHost.Dashboard.Otlp.Logs.V1;
using TicketSense.AppHost.Processes;
using TicketSense.Tests.Infrastructure;
using static TicketSense.Tests.Infrastructure.OtlpRequests;
using OtlpResource = TicketSense.AppHost.Dashboard.Otlp.Resource.V1.Resource;

namespace TicketSense.Tests.Integration.DevDashboard;

/// <summary>The AppHost's OTLP/HTTP receiver on a real Kestrel port, fed protobuf requests as the services' exporters send them.</summary>
public sealed class OtlpReceiverTests : IAsyncLifetime
{
    private readonly TelemetryStore _store = new(new DashboardSettings { MaxSpans = 5, MaxLogs = 3 });
    private OtlpReceiver _receiver = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _receiver = await OtlpReceiver.StartAsync(FreePort.Next(), _store, CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri(_receiver.Url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _receiver.DisposeAsync();
    }

    [Fact]
    public async Task Posted_spans_are_stored_and_grouped_into_traces_with_their_root_and_services()
    {
        var (traceA, traceB) = (NewTraceId(), NewTraceId());
        var (root, child, remote) = (NewSpanId(), NewSpanId(), NewSpanId());

        var first = await PostAsync(_http, "/v1/traces", Traces("web", Span(traceA, root, null, "GET /", 0, 100), Span(traceB, NewSpanId(), null, "GET /tickets", 500, 20)));
        var second = await PostAsync(_http, "/v1/traces", Traces("api", Span(traceA, remote, root, "GET /overview", 10, 80), Span(traceA, child, remote, "postgresql", 20, 30, failed: true, ("db.system.name", "postgresql"))));

        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal("application/x-protobuf", first.Content.Headers.ContentType?.MediaType);
        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await second.Content.ReadAsByteArrayAsync());
        Assert.Null(answer.PartialSuccess); // full success
        Assert.Equal(4, _store.Spans.Count);

        var traces = _store.Traces();
        Assert.Equal([traceB, traceA], traces.Select(t => t.TraceId)); // newest first
        var a = traces[1];
        Assert.Equal("GET /", a.Root.Name);
        Assert.Equal(["web", "api"], a.Services);
        Assert.Equal(3, a.SpanCount);
        Assert.True(a.HasError);
        Assert.Equal(TimeSpan.FromMilliseconds(100), a.Duration);
        var db = _store.Trace(traceA).Single(s => s.SpanId == child);
        Assert.Equal(remote, db.ParentSpanId);
        Assert.Equal("api", db.Service);
        Assert.Contains(new KeyValuePair<string, string>("db.system.name", "postgresql"), db.Attributes);
        Assert.Equal([traceA], _store.Traces(service: "api").Select(t => t.TraceId));
        Assert.Equal([traceA], _store.Traces(text: "postgres").Select(t => t.TraceId));
    }

    [Fact]
    public async Task Past_the_cap_the_oldest_spans_are_dropped()
    {
        var trace = NewTraceId();
        for (var i = 0; i < 7; i++)
        {
            (await PostAsync(_http, "/v1/traces", Traces("api", Span(trace, NewSpanId(), null, $"span-{i}", i, 1)))).EnsureSuccessStatusCode();
        }

        Assert.Equal(["span-2", "span-3", "span-4", "span-5", "span-6"], _store.Spans.Select(s => s.Name));
        Assert.Equal(2, _store.DroppedSpans);
    }

    [Fact]
    public async Task Spans_without_valid_ids_are_rejected_as_a_partial_success()
    {
        var bad = Span(NewTraceId(), NewSpanId(), null, "bad", 0, 1);
        bad.TraceId = Google.Protobuf.ByteString.CopyFrom(new byte[16]); // all zeroes: invalid
        var response = await PostAsync(_http, "/v1/traces", Traces("api", bad, Span(NewTraceId(), NewSpanId(), null, "good", 0, 1)));

        var answer = ExportTraceServiceResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, answer.PartialSuccess.RejectedSpans);
        Assert.Equal(["good"], _store.Spans.Select(s => s.Name));
    }

    [Fact]
    public async Task Posted_logs_keep_their_service_level_message_attributes_and_trace()
    {
        var trace = NewTraceId();
        var record = new LogRecord
        {
            TimeUnixNano = 1_767_268_800_000_000_000,
            SeverityNumber = SeverityNumber.Warn,
            Body = new AnyValue { StringValue = "Triage of ticket t-1 fell back to the local model" },
            TraceId = Google.Protobuf.ByteString.CopyFrom(Convert.FromHexString(trace)),
        };
        record.Attributes.Add(new KeyValue { Key = "TicketId", Value = new AnyValue { StringValue = "t-1" } });
        var scope = new ScopeLogs { Scope = new InstrumentationScope { Name = "TicketSense.Core.Triage.TriageService" } };
        scope.LogRecords.Add(record);
        var resource = new ResourceLogs { Resource = new OtlpResource() };
        resource.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "worker" } });
        resource.ScopeLogs.Add(scope);
        var request = new ExportLogsServiceRequest();
        request.ResourceLogs.Add(resource);

        (await PostAsync(_http, "/v1/logs", request)).EnsureSuccessStatusCode();

        var log = Assert.Single(_store.Logs());
        Assert.Equal(("worker", "Warning", "TicketSense.Core.Triage.TriageService", trace), (log.Service, log.Severity, log.Category, log.TraceId));
        Assert.Equal("Triage of ticket t-1 fell back to the local model", log.Message);
        Assert.Single(_store.Logs(service: "worker", text: "T-1")); // attributes and message, any case
        Assert.Empty(_store.Logs(service: "api"));
    }

    [Fact]
    public async Task Json_and_garbage_bodies_are_refused_plainly()
    {
        var json = await _http.PostAsync("/v1/traces", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var garbage = new ByteArrayContent([0xff, 0xff, 0xff]);
        garbage.Headers.ContentType = new("application/x-protobuf");
        var broken = await _http.PostAsync("/v1/traces", garbage);

        Assert.Equal(415, (int)json.StatusCode);
        Assert.Equal(400, (int)broken.StatusCode);
        Assert.Empty(_store.Spans);
    }

    [Fact]
    public async Task Metrics_are_accepted()
    {
        var response = await PostAsync(_http, "/v1/metrics", new AppHost.Dashboard.Otlp.Collector.Metrics.V1.ExportMetricsServiceRequest());

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_taken_port_fails_with_the_setting_to_change()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => OtlpReceiver.StartAsync(_receiver.Port, _store, CancellationToken.None));

        Assert.Contains($"port {_receiver.Port} is already in use", error.Message);
        Assert.Contains("AppHost:OtlpPort", error.Message);
    }
}
