namespace TicketSense.AppHost.Dashboard;

/// <summary>One span's row in a trace's waterfall: its depth under its parent, and its bar as percentages of the trace.</summary>
public sealed record WaterfallRow(SpanEntry Span, int Depth, double OffsetPercent, double WidthPercent);

/// <summary>Lays a trace out as a waterfall: each span under its parent (children by start time), bars by time.</summary>
public static class Waterfall
{
    public static IReadOnlyList<WaterfallRow> Layout(IReadOnlyList<SpanEntry> spans)
    {
        if (spans.Count == 0) return [];
        var start = spans.Min(s => s.Start);
        var total = Math.Max((spans.Max(s => s.End) - start).Ticks, 1);
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        var children = spans.Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .ToLookup(s => s.ParentSpanId!);
        var rows = new List<WaterfallRow>(spans.Count);
        var visited = new HashSet<string>();

        void Visit(SpanEntry span, int depth)
        {
            if (!visited.Add(span.SpanId)) return; // a malformed trace could loop; show each span once
            var offset = 100.0 * (span.Start - start).Ticks / total;
            rows.Add(new WaterfallRow(span, depth, offset, Math.Min(100.0 * span.Duration.Ticks / total, 100 - offset)));
            foreach (var child in children[span.SpanId].OrderBy(c => c.Start)) Visit(child, depth + 1);
        }

        // Roots: spans without a parent here (the true root, and any whose parent was dropped or is still on its way).
        foreach (var root in spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start)) Visit(root, 0);
        foreach (var rest in spans.Where(s => !visited.Contains(s.SpanId)).OrderBy(s => s.Start)) Visit(rest, 0);
        return rows;
    }
}
