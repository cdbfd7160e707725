using TicketSense.AppHost.Dashboard;

namespace TicketSense.Tests.Unit.DevDashboard;

/// <summary>The trace list's summary and the waterfall's layout, from spans as the receiver stores them.</summary>
public sealed class TraceLayoutTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static SpanEntry Span(string id, string? parent, string service, int startMs, int durationMs, bool failed = false) =>
        new("t1", id, parent, $"span-{id}", "internal", service, "", T0.AddMilliseconds(startMs), TimeSpan.FromMilliseconds(durationMs), failed, null, [], []);

    [Fact]
    public void The_summary_names_the_root_its_services_in_order_its_extent_and_any_error()
    {
        SpanEntry[] spans = [Span("c", "b", "api", 30, 10, failed: true), Span("b", "a", "api", 10, 50), Span("a", null, "web", 0, 100)];

        var summary = TraceSummary.Of(spans);

        Assert.Equal("a", summary.Root.SpanId);
        Assert.Equal(["web", "api"], summary.Services);
        Assert.Equal(TimeSpan.FromMilliseconds(100), summary.Duration);
        Assert.Equal(3, summary.SpanCount);
        Assert.True(summary.HasError);
    }

    [Fact]
    public void Without_a_parentless_span_the_earliest_orphan_is_the_root() =>
        Assert.Equal("b", TraceSummary.Of([Span("c", "b", "api", 30, 10), Span("b", "gone", "api", 10, 50)]).Root.SpanId);

    [Fact]
    public void The_waterfall_nests_children_under_parents_in_start_order_with_bars_in_percent_of_the_trace()
    {
        SpanEntry[] spans = [Span("late", "a", "api", 60, 40), Span("a", null, "api", 0, 100), Span("early", "a", "api", 10, 20), Span("deep", "early", "api", 15, 5)];

        var rows = Waterfall.Layout(spans);

        Assert.Equal(["a", "early", "deep", "late"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 2, 1], rows.Select(r => r.Depth));
        Assert.Equal((0.0, 100.0), (rows[0].OffsetPercent, rows[0].WidthPercent));
        Assert.Equal((10.0, 20.0), (rows[1].OffsetPercent, rows[1].WidthPercent));
        Assert.Equal((60.0, 40.0), (rows[3].OffsetPercent, rows[3].WidthPercent));
    }
}
