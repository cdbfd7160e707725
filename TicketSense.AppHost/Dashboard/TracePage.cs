namespace TicketSense.AppHost.Dashboard;

/// <summary>One trace as a waterfall: a row per span, nested under its parent, its bar placed by start and sized by duration; a click shows its attributes.</summary>
public static class TracePage
{
    public static Html Render(IReadOnlyList<SpanEntry> spans)
    {
        var trace = TraceSummary.Of(spans);
        return Html.Of($"""
            <p id="trace-summary">{Html.Join(trace.Services.Select(Layout.Service))} {trace.SpanCount} spans, {Layout.Duration(trace.Duration)}, started {Layout.Time(trace.Start)}
            <span class="muted">· trace {trace.TraceId}</span>{(trace.HasError ? new Html(" <span class=\"error\">error</span>") : Html.Empty)}</p>
            <div class="waterfall" id="waterfall">
            {Html.Join(Waterfall.Layout(spans).Select(Row))}
            </div>
            """);
    }

    private static Html Row(WaterfallRow row)
    {
        var span = row.Span;
        var events = Html.Join(span.Events.Select(e => Html.Of($"<p><strong>{e.Name}</strong> <span class=\"muted\">{Layout.Time(e.Time)}</span></p>{Layout.Attributes(e.Attributes)}")));
        var status = span.IsError ? Html.Of($"<p class=\"error\">Error{(span.StatusMessage is null ? "" : ": " + span.StatusMessage)}</p>") : Html.Empty;
        return Html.Of($"""
            <details class="span" data-span-id="{span.SpanId}" data-depth="{row.Depth}">
            <summary>
            <span class="span-name" style="padding-left: {row.Depth * 16}px">{Layout.Service(span.Service)}{span.Name}</span>
            <span class="track"><span class="bar{(span.IsError ? " failed" : "")}" style="left: {row.OffsetPercent:0.###}%; width: {row.WidthPercent:0.###}%; background: {ServiceColour(span.Service)}"></span></span>
            <span class="duration">{Layout.Duration(span.Duration)}</span>
            </summary>
            <div class="detail">
            {status}
            <dl class="attributes"><dt>span</dt><dd>{span.SpanId}</dd><dt>kind</dt><dd>{span.Kind}</dd><dt>scope</dt><dd>{span.Scope}</dd><dt>start</dt><dd>{Layout.Time(span.Start)}</dd></dl>
            {Layout.Attributes(span.Attributes)}
            {events}
            </div>
            </details>
            """);
    }

    private static string ServiceColour(string service) => $"hsl({Layout.Hue(service)}, 55%, 42%)";
}
