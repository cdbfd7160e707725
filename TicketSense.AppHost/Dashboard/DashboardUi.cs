using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TicketSense.AppHost.Hosting;

namespace TicketSense.AppHost.Dashboard;

/// <summary>The developer dashboard's pages: resources, each one's console, structured logs, traces and a trace's waterfall.</summary>
public sealed class DashboardUi : IAsyncDisposable
{
    public const string PortSetting = "AppHost:DashboardPort";

    private readonly WebApplication _app;

    public int Port { get; }

    public string Url => $"http://localhost:{Port}";

    private DashboardUi(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public static async Task<DashboardUi> StartAsync(int port, TelemetryStore store, IReadOnlyList<Resource> resources, CancellationToken cancellationToken)
    {
        var app = KestrelApp.Create(port);
        app.MapGet("/", (HttpContext context) => Layout.Page(context, "Resources", "Resources", ResourcesPage.Render(resources)));
        app.MapGet("/console/{name}", (HttpContext context, string name) =>
            resources.FirstOrDefault(r => r.Name == name) is { } resource
                ? Layout.Page(context, $"Console: {name}", "Resources", ConsolePage.Render(resource))
                : Results.NotFound());
        app.MapGet("/structuredlogs", (HttpContext context, string? resource, string? q) =>
            Layout.Page(context, "Structured logs", "Structured logs", StructuredLogsPage.Render(store, resource, q)));
        app.MapGet("/traces", (HttpContext context, string? resource, string? q) =>
            Layout.Page(context, "Traces", "Traces", TracesPage.Render(store, resource, q)));
        app.MapGet("/traces/{traceId}", (HttpContext context, string traceId) =>
            store.Trace(traceId) is { Count: > 0 } spans
                ? Layout.Page(context, $"Trace: {TraceSummary.Of(spans).Root.Name}", "Traces", TracePage.Render(spans))
                : Results.NotFound());
        await KestrelApp.StartAsync(app, "dashboard", port, PortSetting, cancellationToken);
        return new DashboardUi(app, port);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
