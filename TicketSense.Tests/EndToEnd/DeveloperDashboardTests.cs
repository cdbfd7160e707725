using System.Net.Http.Json;
using Microsoft.Playwright;
using TicketSense.AppHost.Dashboard;
using TicketSense.Tests.Infrastructure;
using static TicketSense.Tests.Infrastructure.OtlpRequests;

namespace TicketSense.Tests.EndToEnd;

/// <summary>
/// The AppHost's developer dashboard against the whole system: every service exports OTLP to it, a posted ticket is
/// one trace (Api request → triage → Postgres → Redis), and a browser finds that trace and opens its waterfall.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class DeveloperDashboardTests(SystemFixture system)
{
    private TelemetryStore Telemetry => system.Telemetry;

    [Fact]
    public async Task A_posted_ticket_is_one_trace_from_the_api_request_through_triage_postgres_and_redis()
    {
        var (traceId, ticketId) = await PostTracedTicketAsync("devdash-trace-1");

        var spans = await WaitForTraceAsync(traceId, ticketId);

        var server = spans.Single(s => s.Kind == "server");
        Assert.StartsWith("POST /tickets", server.Name);
        Assert.All(spans, s => Assert.Equal("api", s.Service)); // the Api alone serves a POST: triage runs in the request
        var triage = spans.Single(s => s.Name == "triage");
        Assert.Equal(server.SpanId, triage.ParentSpanId);
        Assert.Contains(new KeyValuePair<string, string>("ticket.id", ticketId), triage.Attributes);
        Assert.Contains(spans, s => IsPostgres(s) && s.ParentSpanId == server.SpanId); // the INSERT, before triage
        Assert.Contains(spans, s => s.ParentSpanId == triage.SpanId && IsRedis(s) && s.Name == "GET"); // the cache lookup
        // The worker, woken by the INSERT's notification, races the Api's own triage: when it has cached its triage
        // already the Api's lookup hits; otherwise the Api reads or writes the record in Postgres and caches it.
        if (Attribute(triage, "triage.cache_hit") != "true")
        {
            Assert.Contains(spans, s => IsPostgres(s) && s.ParentSpanId == triage.SpanId);
            Assert.Contains(spans, s => s.ParentSpanId == triage.SpanId && IsRedis(s) && s.Name.StartsWith("SET", StringComparison.Ordinal)); // SET or SETEX
        }
        Assert.All(spans, s => Assert.True(s.SpanId == server.SpanId || DescendsFrom(s, server, spans), $"{s.Name} is not under the request"));
        // ONE trace: every span the Api made for this ticket is in it.
        Assert.All(Telemetry.Spans.Where(s => s.Service == "api" && Attribute(s, "ticket.id") == ticketId), s => Assert.Equal(traceId, s.TraceId));
        Assert.Single(Telemetry.Traces(), t => t.TraceId == traceId);
    }

    [Fact]
    public async Task Every_service_exports_and_a_web_page_is_one_trace_across_web_and_api()
    {
        using var http = new HttpClient();
        (await http.GetAsync(system.WebUrl + "/tickets")).EnsureSuccessStatusCode();

        var crossing = await WaitForAsync(
            () => Telemetry.Traces(service: "web").FirstOrDefault(t => t.Services.Contains("api") && t.Root.Service == "web"),
            "a trace from the web through the api");

        Assert.Equal(["web", "api"], crossing.Services.Take(2));
        await WaitForAsync(() => new[] { "api", "worker", "web" }.All(Telemetry.Services().Contains) ? true : (bool?)null, "telemetry from api, worker and web");
        Assert.Contains(Telemetry.Logs(service: "worker"), log => log.Message.Length > 0);
    }

    [Fact]
    public async Task The_browser_finds_the_ticket_trace_and_opens_its_waterfall()
    {
        var (traceId, ticketId) = await PostTracedTicketAsync("devdash-trace-2");
        var spans = await WaitForTraceAsync(traceId, ticketId);
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        await page.GotoAsync(system.DashboardUrl + "/");
        Assert.Equal("dashboard", await page.TextContentAsync("#resources tbody tr:first-child td:first-child"));
        Assert.Equal(system.App.Resources.Count, await page.Locator("#resources tbody tr td.state-Ready").CountAsync());

        await page.ClickAsync("header >> text=Traces");
        await page.SelectOptionAsync("#filter-resource", "api");
        await page.FillAsync("#filter-q", "triage");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**q=triage");
        await page.ClickAsync($"#traces tr[data-trace-id='{traceId}'] a");
        await page.WaitForURLAsync($"**/traces/{traceId}");

        var rows = page.Locator("#waterfall details.span");
        Assert.Equal(spans.Count, await rows.CountAsync());
        Assert.Equal("api" + spans.Single(s => s.Kind == "server").Name, await rows.First.Locator(".span-name").TextContentAsync()); // service badge, then name
        Assert.Equal("0", await rows.First.GetAttributeAsync("data-depth"));
        var triage = page.Locator($"#waterfall details.span[data-span-id='{spans.Single(s => s.Name == "triage").SpanId}']");
        Assert.Equal("1", await triage.GetAttributeAsync("data-depth"));
        var bar = await triage.Locator(".bar").BoundingBoxAsync();
        var track = await triage.Locator(".track").BoundingBoxAsync();
        Assert.True(bar!.Width > 0 && bar.Width <= track!.Width && bar.X >= track.X, "the triage bar lies inside its track");

        await triage.Locator("summary").ClickAsync();
        Assert.Equal(ticketId, await triage.Locator(".detail dl.attributes dt:text-is('ticket.id') + dd").TextContentAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "developer-dashboard-trace.png"), FullPage = true });

        await page.GotoAsync(system.DashboardUrl + "/console/api");
        Assert.Contains("Now listening on", await page.TextContentAsync("#console"));
        await page.GotoAsync(system.DashboardUrl + "/structuredlogs?resource=worker");
        Assert.True(await page.Locator("#logs tbody tr").CountAsync() > 0);
    }

    [Fact]
    public async Task Markup_in_telemetry_is_shown_as_text_and_never_runs()
    {
        var name = "<img src=x onerror=\"window.__xss = 1\"><script>window.__xss = 2</script>";
        var traceId = NewTraceId();
        using var otlp = new HttpClient { BaseAddress = new Uri($"http://localhost:{system.Settings.OtlpPort}") };
        (await PostAsync(otlp, "/v1/traces", Traces("intruder", Span(traceId, NewSpanId(), null, name, 0, 5)))).EnsureSuccessStatusCode();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync();

        await page.GotoAsync(system.DashboardUrl + "/traces?resource=intruder");
        var list = await page.TextContentAsync($"#traces tr[data-trace-id='{traceId}'] a");
        await page.GotoAsync(system.DashboardUrl + $"/traces/{traceId}");

        Assert.Equal($"intruder: {name}", list);
        Assert.EndsWith(name, await page.TextContentAsync("#waterfall .span-name"));
        Assert.Equal(0, await page.Locator("#waterfall img, main script").CountAsync());
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
    }

    /// <summary>Posts a ticket under a trace of our own (a W3C traceparent), so "the trace of that request" is unambiguous.</summary>
    private async Task<(string TraceId, string TicketId)> PostTracedTicketAsync(string ticketId)
    {
        var traceId = NewTraceId();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tickets") { Content = JsonContent.Create(ApiFixture.NewTicket(ticketId)) };
        request.Headers.Add("traceparent", $"00-{traceId}-{NewSpanId()}-01");
        (await system.Api.SendAsync(request)).EnsureSuccessStatusCode();
        return (traceId, ticketId);
    }

    /// <summary>The trace's spans once the request and its triage have been exported.</summary>
    private Task<IReadOnlyList<SpanEntry>> WaitForTraceAsync(string traceId, string ticketId) => WaitForAsync(() =>
    {
        var spans = Telemetry.Trace(traceId);
        // The request's span ends last, so once it is here its children are too; but the Redis instrumentation turns
        // commands into spans on a timer (every 10 s), after the request.
        return spans.Any(s => s.Kind == "server") && spans.Any(s => s.Name == "triage") && spans.Any(IsRedis)
            ? spans
            : null;
    }, $"the trace of POST /tickets {ticketId}", () => string.Join(", ", Telemetry.Trace(traceId).Select(s => $"{s.Service}:{s.Name}")));

    private static async Task<T> WaitForAsync<T>(Func<T?> probe, string what, Func<string>? held = null)
    {
        // Generous: exports come every second, but a loaded 2-core CI machine may retry one.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(60);
        while (true)
        {
            if (probe() is { } found) return found;
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"The dashboard never received {what}. It holds: {held?.Invoke()}");
            await Task.Delay(250);
        }
    }

    private static bool IsPostgres(SpanEntry span) => span.Attributes.Any(a => a.Key.StartsWith("db.system", StringComparison.Ordinal) && a.Value == "postgresql");

    private static bool IsRedis(SpanEntry span) => Attribute(span, "db.system") == "redis";

    private static string? Attribute(SpanEntry span, string key) => span.Attributes.FirstOrDefault(a => a.Key == key).Value;

    private static bool DescendsFrom(SpanEntry span, SpanEntry ancestor, IReadOnlyList<SpanEntry> spans)
    {
        for (var parent = spans.FirstOrDefault(s => s.SpanId == span.ParentSpanId); parent is not null; parent = spans.FirstOrDefault(s => s.SpanId == parent.ParentSpanId))
        {
            if (parent.SpanId == ancestor.SpanId) return true;
        }
        return false;
    }
}
