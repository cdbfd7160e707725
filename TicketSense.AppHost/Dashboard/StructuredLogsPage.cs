namespace TicketSense.AppHost.Dashboard;

/// <summary>Structured log records with their attributes, newest first, filtered by resource and text.</summary>
public static class StructuredLogsPage
{
    public const int MaxRows = 500;

    public static Html Render(TelemetryStore store, string? resource, string? text)
    {
        var logs = store.Logs(resource, text);
        return Html.Of($"""
            <form class="filters" method="get" action="/structuredlogs">
            {Layout.ServiceSelect(store.Services(), resource)}
            <input type="search" name="q" id="filter-q" value="{text ?? ""}" placeholder="Text in message or attributes">
            <button type="submit">Filter</button>
            </form>
            <p class="muted" id="log-count">{logs.Count} records{(logs.Count > MaxRows ? $", the newest {MaxRows} shown" : "")}.</p>
            <table id="logs">
            <thead><tr><th>Time</th><th>Resource</th><th>Level</th><th>Message</th></tr></thead>
            <tbody>
            {Html.Join(logs.Take(MaxRows).Select(Row))}
            </tbody>
            </table>
            """);
    }

    private static Html Row(LogEntry log)
    {
        var trace = log.TraceId is null ? Html.Empty : Html.Of($"<dt>trace</dt><dd><a href=\"/traces/{log.TraceId}\">{log.TraceId}</a></dd>");
        return Html.Of($"""
            <tr>
            <td>{Layout.Time(log.Time)}</td>
            <td>{Layout.Service(log.Service)}</td>
            <td class="level-{log.Severity}">{log.Severity}</td>
            <td><details><summary class="message">{log.Message}</summary>
            <dl class="attributes"><dt>category</dt><dd>{log.Category}</dd>{trace}</dl>{Layout.Attributes(log.Attributes)}</details></td>
            </tr>
            """);
    }
}
