using TicketSense.AppHost.Dashboard;
using TicketSense.AppHost.Hosting;
using TicketSense.AppHost.Processes;
using TicketSense.Tests.Infrastructure;
using static TicketSense.Tests.Infrastructure.OtlpRequests;

namespace TicketSense.Tests.Integration.DevDashboard;

/// <summary>The dashboard's pages over a store filled by hand: what they list, and that telemetry is shown as text.</summary>
public sealed class DashboardUiTests : IAsyncLifetime
{
    private const string Markup = "<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\">";

    private readonly TelemetryStore _store = new(new DashboardSettings());
    private DashboardUi _ui = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _ui = await DashboardUi.StartAsync(FreePort.Next(), _store, [], CancellationToken.None);
        _http = new HttpClient { BaseAddress = new Uri(_ui.Url) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _ui.DisposeAsync();
    }

    [Fact]
    public async Task The_trace_list_and_waterfall_show_span_names_and_attributes_encoded()
    {
        var (trace, root) = (NewTraceId(), NewSpanId());
        _store.AddSpans(AppHost.Dashboard.OtlpConversion.Spans(
            Traces("api", Span(trace, root, null, Markup, 0, 100), Span(trace, NewSpanId(), root, "child", 10, 20, attributes: ("note", Markup))), out _));

        var list = await _http.GetAsync("/traces");
        var listHtml = await list.Content.ReadAsStringAsync();
        var waterfall = await _http.GetStringAsync($"/traces/{trace}");

        var policy = list.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", policy); // no script may run, whatever slipped through
        Assert.DoesNotContain("script-src", policy);
        Assert.Contains($"data-trace-id=\"{trace}\"", listHtml);
        Assert.Contains("&lt;script&gt;window.__xss = 1&lt;/script&gt;", listHtml);
        Assert.DoesNotContain("<script>", listHtml);
        Assert.DoesNotContain("<img", waterfall);
        Assert.Equal(2, waterfall.Split("<details class=\"span\"").Length - 1);
        Assert.Contains("data-depth=\"1\"", waterfall);
        Assert.Contains("&lt;img src=x onerror=&quot;window.__xss = 2&quot;&gt;", waterfall);
    }

    [Fact]
    public async Task An_unknown_trace_is_not_found() =>
        Assert.Equal(404, (int)(await _http.GetAsync($"/traces/{NewTraceId()}")).StatusCode);

    [Fact]
    public async Task A_taken_dashboard_port_fails_the_apphost_start_with_the_setting_to_change()
    {
        var settings = new AppHostSettings
        {
            DashboardPort = _ui.Port,
            OtlpPort = FreePort.Next(),
            DataDirectory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"apphost-{Guid.NewGuid():N}"),
            EchoLogs = false,
        };
        await using var app = new DistributedApp(settings); // the dashboard alone: it is every AppHost's first resource

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains($"port {_ui.Port} is already in use", error.Message);
        Assert.Contains("AppHost:DashboardPort", error.Message);
        Assert.False(FreePort.IsInUse(settings.OtlpPort)); // the receiver that did start was stopped
        Assert.StartsWith("dashboard", ResourceTable.Render(app.Resources).Split('\n')[2]);
    }
}
