using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Collections;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Logs.V1;
using TicketSense.AppHost.Dashboard.Otlp.Collector.Trace.V1;
using TicketSense.AppHost.Dashboard.Otlp.Common.V1;
using TicketSense.AppHost.Dashboard.Otlp.Trace.V1;
using OtlpResource = TicketSense.AppHost.Dashboard.Otlp.Resource.V1.Resource;

namespace TicketSense.AppHost.Dashboard;

/// <summary>OTLP messages → the dashboard's entries: ids as hex, times as <see cref="DateTimeOffset"/>, values as text.</summary>
public static class OtlpConversion
{
    public const string UnknownService = "unknown_service";

    /// <summary>The spans of <paramref name="request"/>; those without a valid trace or span id are counted in <paramref name="rejected"/>.</summary>
    public static List<SpanEntry> Spans(ExportTraceServiceRequest request, out int rejected)
    {
        var spans = new List<SpanEntry>();
        rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = ServiceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    if (span.TraceId.Length != 16 || span.SpanId.Length != 8 || Hex(span.TraceId) is not { } traceId || Hex(span.SpanId) is not { } spanId)
                    {
                        rejected++;
                        continue;
                    }
                    var start = Time(span.StartTimeUnixNano);
                    spans.Add(new SpanEntry(
                        traceId,
                        spanId,
                        Hex(span.ParentSpanId),
                        span.Name,
                        Kind(span.Kind),
                        service,
                        scopeSpans.Scope?.Name ?? "",
                        start,
                        span.EndTimeUnixNano >= span.StartTimeUnixNano ? Time(span.EndTimeUnixNano) - start : TimeSpan.Zero,
                        span.Status?.Code == Status.Types.StatusCode.Error,
                        span.Status is { Message.Length: > 0 } status ? status.Message : null,
                        Attributes(span.Attributes),
                        span.Events.Select(e => new SpanEventEntry(Time(e.TimeUnixNano), e.Name, Attributes(e.Attributes))).ToList()));
                }
            }
        }
        return spans;
    }

    public static List<LogEntry> Logs(ExportLogsServiceRequest request)
    {
        var logs = new List<LogEntry>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = ServiceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var record in scopeLogs.LogRecords)
                {
                    logs.Add(new LogEntry(
                        Time(record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano),
                        service,
                        record.SeverityText is { Length: > 0 } text ? text : Severity((int)record.SeverityNumber),
                        scopeLogs.Scope?.Name ?? "",
                        record.Body is null ? record.EventName : Text(record.Body),
                        Hex(record.TraceId),
                        Hex(record.SpanId),
                        Attributes(record.Attributes)));
                }
            }
        }
        return logs;
    }

    public static string ServiceName(OtlpResource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } value ? Text(value) : UnknownService;

    /// <summary>An attribute value as one line of text; arrays and maps in a JSON-like form.</summary>
    public static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {(kv.Value is null ? "" : Text(kv.Value))}")) + "}",
        _ => "",
    };

    private static List<KeyValuePair<string, string>> Attributes(RepeatedField<KeyValue> attributes) =>
        attributes.Select(a => new KeyValuePair<string, string>(a.Key, a.Value is null ? "" : Text(a.Value))).ToList();

    /// <summary>Lowercase hex, as W3C traceparent writes ids; null for an absent (empty or all-zero) id.</summary>
    private static string? Hex(ByteString id) =>
        id.IsEmpty || id.Span.IndexOfAnyExcept((byte)0) < 0 ? null : Convert.ToHexStringLower(id.Span);

    private static DateTimeOffset Time(ulong unixNanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(unixNanoseconds / 100));

    private static string Kind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => "server",
        Span.Types.SpanKind.Client => "client",
        Span.Types.SpanKind.Producer => "producer",
        Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };

    // The OTLP severity numbers come in fours (TRACE..TRACE4 = 1..4, DEBUG = 5..8, …, FATAL = 21..24).
    private static string Severity(int number) => number switch
    {
        <= 0 => "Unspecified",
        <= 4 => "Trace",
        <= 8 => "Debug",
        <= 12 => "Information",
        <= 16 => "Warning",
        <= 20 => "Error",
        _ => "Critical",
    };
}
