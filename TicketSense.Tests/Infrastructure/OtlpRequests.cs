using Google.Protobuf;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Trace.V1;
using TicketSense.AppHost.Dashboard.Otlp.Common.V1;
using TicketSense.AppHost.Dashboard.Otlp.Trace.V1;
using OtlpResource = TicketSense.AppHost.Dashboard.Otlp.Resource.V1.Resource;
using OtlpSpan = TicketSense.AppHost.Dashboard.Otlp.Trace.V1.Span;

namespace TicketSense.Tests.Infrastructure;

/// <summary>OTLP export requests built with the generated classes, as a service's exporter would send them.</summary>
public static class OtlpRequests
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static string NewTraceId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

    public static string NewSpanId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);

    public static Span Span(string traceId, string spanId, string? parentId, string name, int startMs, int durationMs, bool failed = false, params (string Key, string Value)[] attributes)
    {
        var span = new Span
        {
            TraceId = ByteString.CopyFrom(Convert.FromHexString(traceId)),
            SpanId = ByteString.CopyFrom(Convert.FromHexString(spanId)),
            ParentSpanId = parentId is null ? ByteString.Empty : ByteString.CopyFrom(Convert.FromHexString(parentId)),
            Name = name,
            Kind = parentId is null ? OtlpSpan.Types.SpanKind.Server : OtlpSpan.Types.SpanKind.Internal,
            StartTimeUnixNano = Nanos(Epoch.AddMilliseconds(startMs)),
            EndTimeUnixNano = Nanos(Epoch.AddMilliseconds(startMs + durationMs)),
            Status = new Status { Code = failed ? Status.Types.StatusCode.Error : Status.Types.StatusCode.Unset },
        };
        span.Attributes.AddRange(attributes.Select(a => new KeyValue { Key = a.Key, Value = new AnyValue { StringValue = a.Value } }));
        return span;
    }

    /// <summary>One service's spans in one request (one ResourceSpans, one scope).</summary>
    public static ExportTraceServiceRequest Traces(string service, params Span[] spans)
    {
        var scope = new ScopeSpans { Scope = new InstrumentationScope { Name = "TicketSense.Tests" } };
        scope.Spans.AddRange(spans);
        var resource = new ResourceSpans { Resource = new OtlpResource() };
        resource.Resource.Attributes.Add(new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = service } });
        resource.ScopeSpans.Add(scope);
        var request = new ExportTraceServiceRequest();
        request.ResourceSpans.Add(resource);
        return request;
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, IMessage message)
    {
        var content = new ByteArrayContent(message.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        return await http.PostAsync(path, content);
    }

    private static ulong Nanos(DateTimeOffset time) => (ulong)(time - DateTimeOffset.UnixEpoch).Ticks * 100;
}
