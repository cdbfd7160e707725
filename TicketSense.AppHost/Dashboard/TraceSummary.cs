namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// A trace as the trace list shows it: its root span (the one without a parent; else the earliest whose parent is not
/// among its spans),
/// the services taking part in order of their first span, its extent and whether any span failed.
/// </summary>
public sealed record TraceSummary(
    string TraceId,
    SpanEntry Root,
    IReadOnlyList<string> Services,
    DateTimeOffset Start,
    TimeSpan Duration,
    int SpanCount,
    bool HasError)
{
    public static TraceSummary Of(IReadOnlyCollection<SpanEntry> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var ordered = spans.OrderBy(s => s.Start).ToList();
        var root = ordered.FirstOrDefault(s => s.ParentSpanId is null)
            ?? ordered.FirstOrDefault(s => !ids.Contains(s.ParentSpanId!)) // its parent was dropped, or is not exported yet
            ?? ordered[0];
        var start = ordered[0].Start;
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            root.TraceId,
            root,
            ordered.Select(s => s.Service).Distinct().ToList(),
            start,
            end - start,
            spans.Count,
            spans.Any(s => s.IsError));
    }
}
