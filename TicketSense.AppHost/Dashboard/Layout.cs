using Microsoft.AspNetCore.Http;

namespace TicketSense.AppHost.Dashboard;

/// <summary>The frame of every dashboard page: navigation, styles, and a policy that lets no script run.</summary>
public static class Layout
{
    // The pages need no JavaScript; forbidding it makes any markup that slipped into telemetry inert.
    private const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'";

    private const string Styles = """
        body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9; }
        header { background: #1d2330; color: #fff; padding: 8px 16px; display: flex; gap: 20px; align-items: baseline; }
        header a { color: #c9d4ff; text-decoration: none; } header a.current { color: #fff; font-weight: 600; }
        header strong { margin-right: 12px; }
        main { padding: 16px; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid #e3e6eb; vertical-align: top; }
        th { background: #eef0f4; }
        form.filters { display: flex; gap: 8px; margin-bottom: 12px; }
        pre.console { background: #10141c; color: #d6dde8; padding: 12px; overflow-x: auto; white-space: pre-wrap; }
        .state-Ready, .state-Running { color: #167a3e; } .state-Failed, .state-Exited { color: #b3261e; font-weight: 600; }
        .service { display: inline-block; padding: 0 6px; border-radius: 4px; color: #fff; font-size: 12px; margin-right: 4px; }
        .error { color: #b3261e; font-weight: 600; }
        .muted { color: #6b7280; }
        dl.attributes { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 4px 0 8px; }
        dl.attributes dt { color: #6b7280; } dl.attributes dd { margin: 0; word-break: break-all; }
        .waterfall details { border-bottom: 1px solid #e3e6eb; background: #fff; }
        .waterfall summary { display: grid; grid-template-columns: 38% 1fr 90px; gap: 8px; padding: 3px 8px; cursor: pointer; list-style: none; }
        .waterfall .track { display: block; position: relative; background: #f0f2f5; height: 16px; margin-top: 2px; }
        .waterfall .bar { position: absolute; top: 0; bottom: 0; min-width: 2px; border-radius: 2px; }
        .waterfall .bar.failed { outline: 2px solid #b3261e; }
        .waterfall .detail { padding: 4px 8px 8px 24px; }
        """;

    public static IResult Page(HttpContext context, string title, string current, Html body)
    {
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var nav = Html.Join(new[] { ("/", "Resources"), ("/structuredlogs", "Structured logs"), ("/traces", "Traces") }
            .Select(link => Html.Of($"<a href=\"{link.Item1}\" class=\"{(link.Item2 == current ? "current" : "")}\">{link.Item2}</a>")));
        var page = Html.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>{title} · TicketSense dashboard</title><style>{new Html(Styles)}</style></head>
            <body>
            <header><strong>TicketSense</strong>{nav}</header>
            <main>
            <h1>{title}</h1>
            {body}
            </main>
            </body>
            </html>
            """);
        return Results.Content(page.Value, "text/html; charset=utf-8");
    }

    /// <summary>A service's name on a colour of its own, the same on every page.</summary>
    public static Html Service(string service) =>
        Html.Of($"<span class=\"service\" style=\"background: hsl({Hue(service)}, 55%, 42%)\">{service}</span>");

    /// <summary>A stable hue per service name (string.GetHashCode changes per process).</summary>
    public static uint Hue(string service) => service.Aggregate(7u, (hash, c) => hash * 31 + c) % 360;

    public static Html Attributes(IEnumerable<KeyValuePair<string, string>> attributes) =>
        Html.Of($"<dl class=\"attributes\">{Html.Join(attributes.Select(a => Html.Of($"<dt>{a.Key}</dt><dd>{a.Value}</dd>")))}</dl>");

    public static string Duration(TimeSpan duration) =>
        duration.TotalMilliseconds < 1 ? $"{duration.TotalMicroseconds:0} µs"
        : duration.TotalSeconds < 1 ? $"{duration.TotalMilliseconds:0.0} ms"
        : $"{duration.TotalSeconds:0.00} s";

    public static string Time(DateTimeOffset time) => time.ToLocalTime().ToString("HH:mm:ss.fff");

    /// <summary>A select of every service, for the filter forms.</summary>
    public static Html ServiceSelect(IEnumerable<string> services, string? selected) =>
        Html.Of($"""<select name="resource" id="filter-resource"><option value="">All resources</option>{Html.Join(services.Select(s => Html.Of($"<option{(s == selected ? new Html(" selected") : Html.Empty)}>{s}</option>")))}</select>""");
}
