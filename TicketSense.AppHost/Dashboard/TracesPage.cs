namespace TicketSense.AppHost.Dashboard;

/// <summary>The recent traces: root span, services taking part, duration, and a mark when a span failed.</summary>
public static class TracesPage
{
    public const int MaxRows = 200;

    public static Html Render(TelemetryStore store, string? resource, string? text)
    {
        var traces = store.Traces(resource, text);
        return Html.Of($"""
            <form class="filters" method="get" action="/traces">
            {Layout.ServiceSelect(store.Services(), resource)}
            <input type="search" name="q" id="filter-q" value="{text ?? ""}" placeholder="Text in a span name">
            <button type="submit">Filter</button>
            </form>
            <p class="muted" id="trace-count">{traces.Count} traces{(traces.Count > MaxRows ? $", the newest {MaxRows} shown" : "")}.</p>
            <table id="traces">
            <thead><tr><th>Time</th><th>Name</th><th>Services</th><th>Spans</th><th>Duration</th><th></th></tr></thead>
            <tbody>
            {Html.Join(traces.Take(MaxRows).Select(Row))}
            </tbody>
            </table>
            """);
    }

    private static Html Row(TraceSummary trace) => Html.Of($"""
        <tr data-trace-id="{trace.TraceId}">
        <td>{Layout.Time(trace.Start)}</td>
        <td><a href="/traces/{trace.TraceId}">{trace.Root.Service}: {trace.Root.Name}</a></td>
        <td>{Html.Join(trace.Services.Select(Layout.Service))}</td>
        <td>{trace.SpanCount}</td>
        <td>{Layout.Duration(trace.Duration)}</td>
        <td>{(trace.HasError ? new Html("<span class=\"error\" title=\"a span failed\">error</span>") : Html.Empty)}</td>
        </tr>
        """);
}
