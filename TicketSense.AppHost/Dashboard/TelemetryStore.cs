namespace TicketSense.AppHost.Dashboard;

/// <summary>What the OTLP receiver took in: spans and structured logs in ring buffers, capped by <see cref="DashboardSettings"/>.</summary>
public sealed class TelemetryStore(DashboardSettings settings)
{
    private readonly RingBuffer<SpanEntry> _spans = new(settings.MaxSpans);
    private readonly RingBuffer<LogEntry> _logs = new(settings.MaxLogs);
    private long _metricsReceived;

    public void AddSpans(IEnumerable<SpanEntry> spans) => _spans.AddRange(spans);

    public void AddLogs(IEnumerable<LogEntry> logs) => _logs.AddRange(logs);

    /// <summary>Metrics are taken (exporters expect a receiver for them) and counted, not kept.</summary>
    public void CountMetrics(int count) => Interlocked.Add(ref _metricsReceived, count);

    public long MetricsReceived => Interlocked.Read(ref _metricsReceived);

    public IReadOnlyList<SpanEntry> Spans => _spans.Snapshot();

    public long DroppedSpans => _spans.Dropped;

    public long DroppedLogs => _logs.Dropped;

    /// <summary>
    /// The traces held, newest first; with <paramref name="service"/> only those it takes part in, with
    /// <paramref name="text"/> only those with a span whose name contains it.
    /// </summary>
    public IReadOnlyList<TraceSummary> Traces(string? service = null, string? text = null) =>
        _spans.Snapshot()
            .GroupBy(span => span.TraceId)
            .Where(trace => string.IsNullOrEmpty(service) || trace.Any(span => span.Service == service))
            .Where(trace => string.IsNullOrEmpty(text) || trace.Any(span => span.Name.Contains(text, StringComparison.OrdinalIgnoreCase)))
            .Select(trace => TraceSummary.Of(trace.ToList()))
            .OrderByDescending(trace => trace.Start)
            .ToList();

    /// <summary>The spans of one trace, in start order; empty when none is held.</summary>
    public IReadOnlyList<SpanEntry> Trace(string traceId) =>
        _spans.Snapshot().Where(span => span.TraceId == traceId).OrderBy(span => span.Start).ToList();

    /// <summary>The log records held, newest first, optionally of one service and containing some text.</summary>
    public IReadOnlyList<LogEntry> Logs(string? service = null, string? text = null) =>
        _logs.Snapshot()
            .Where(log => string.IsNullOrEmpty(service) || log.Service == service)
            .Where(log => string.IsNullOrEmpty(text) || log.Contains(text))
            .Reverse()
            .ToList();

    /// <summary>The services that sent spans or logs, by name.</summary>
    public IReadOnlyList<string> Services() =>
        _spans.Snapshot().Select(s => s.Service).Concat(_logs.Snapshot().Select(l => l.Service)).Distinct().Order().ToList();
}
