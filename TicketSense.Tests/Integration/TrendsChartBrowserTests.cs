using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TicketSense.Core.Data;
using TicketSense.Testing;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

/// <summary>The dashboard's trend chart and its table in a real browser: Web → Api → Postgres, with known counts.</summary>
public sealed class TrendsChartBrowserTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();
    private ApiFactory _api = null!;
    private WebApplicationFactory<TicketSense.Web.WebAssembly> _web = null!;
    private Browser _browser = null!;
    private string _webUrl = "";

    private static readonly DateTime Today = DateTime.UtcNow.Date;
    private static readonly string Yesterday = Day(-1);
    private static readonly string ThreeDaysAgo = Day(-3);

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _api = new ApiFactory(_storage);
        _api.UseKestrel(0);
        _api.StartServer();
        using var api = _api.CreateClient();
        await _api.WaitUntilMigratedAsync();
        await PostAsync(api, "trend-web-1", Today.AddDays(-1).AddHours(9), "critical", "billing", "angry");
        await PostAsync(api, "trend-web-2", Today.AddDays(-1).AddHours(15), "low", "technical", "neutral");
        await PostAsync(api, "trend-web-3", Today.AddDays(-3).AddHours(12), "critical", "general", "negative");
        await using (var scope = _storage.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(new Ticket
            {
                Id = "trend-web-pending", Sender = "pending@example.com", Subject = "Pending", Body = "Not triaged yet.",
                ReceivedAt = Today.AddDays(-3).AddHours(13),
            }, CancellationToken.None);
        }

        _web = new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(builder => builder.UseSetting("Services:api:http:0", api.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        _web.UseKestrel(0);
        _web.StartServer();
        using var web = _web.CreateClient();
        _webUrl = web.BaseAddress!.GetLeftPart(UriPartial.Authority);
        _browser = await Browser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        await _web.DisposeAsync();
        await _api.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [Fact]
    public async Task The_dashboard_draws_the_last_7_days_stacked_by_priority_and_lists_the_same_counts_in_a_table()
    {
        var page = await _browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(_webUrl + "/?days=7");

        Assert.Equal("4", await page.TextContentAsync("#kpi-total")); // the page's other sections still work
        Assert.Equal("Tickets over the last 7 days", await page.TextContentAsync("#trends-title"));
        var chart = page.Locator("#trend-chart svg");
        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        Assert.Contains("stacked by priority", await chart.GetAttributeAsync("aria-label"));
        Assert.Equal(7, await chart.Locator("g[data-start]").CountAsync());
        Assert.Equal(Enumerable.Range(-6, 7).Select(Day), await chart.Locator("g[data-start]").EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.start)"));
        Assert.Equal(("2", "1", "1"), (await Column(page, Yesterday).GetAttributeAsync("data-total"),
            await Segment(page, Yesterday, "critical"), await Segment(page, Yesterday, "low")));
        Assert.Equal(("2", "1", "1"), (await Column(page, ThreeDaysAgo).GetAttributeAsync("data-total"),
            await Segment(page, ThreeDaysAgo, "critical"), await Segment(page, ThreeDaysAgo, "pending")));
        Assert.Equal(0, await Column(page, Day(-2)).Locator("rect").CountAsync());
        Assert.Equal("rgb(176, 0, 32)", await Column(page, Yesterday).Locator("rect[data-key=critical]").EvaluateAsync<string>("r => getComputedStyle(r).fill"));

        var table = page.Locator("#trend-table");
        Assert.False(await table.IsVisibleAsync()); // inside a closed <details> until asked for
        await page.ClickAsync(".trend-table summary");
        Assert.True(await table.IsVisibleAsync());
        Assert.Equal(["Day", "Total", "low", "medium", "high", "critical", "pending"], await table.Locator("thead th").AllTextContentsAsync());
        Assert.Equal(7, await table.Locator("tbody tr").CountAsync());
        Assert.Equal([Yesterday, "2", "1", "0", "0", "1", "0"], await Row(table, Yesterday));
        Assert.Equal([ThreeDaysAgo, "2", "0", "0", "0", "1", "1"], await Row(table, ThreeDaysAgo));
        Assert.Equal([Day(-2), "0", "0", "0", "0", "0", "0"], await Row(table, Day(-2)));
        await page.Locator("#trends").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "trends.png") });
    }

    [Fact]
    public async Task The_switch_stacks_by_category_and_the_range_links_keep_it()
    {
        var page = await _browser.Chromium.NewPageAsync();
        await page.GotoAsync(_webUrl + "/?days=7");

        await page.ClickAsync("#trend-by-category");
        await page.WaitForURLAsync("**by=category**");

        Assert.Equal("true", await page.GetAttributeAsync("#trend-by-category", "aria-current"));
        Assert.Equal(("1", "1"), (await Segment(page, Yesterday, "billing"), await Segment(page, Yesterday, "technical")));
        Assert.Equal(("1", "1"), (await Segment(page, ThreeDaysAgo, "general"), await Segment(page, ThreeDaysAgo, "pending")));
        Assert.Equal(["Day", "Total", "billing", "technical", "feature request", "complaint", "general", "pending"],
            await page.Locator("#trend-table thead th").AllTextContentsAsync());

        await page.ClickAsync("#trend-days-30");
        await page.WaitForURLAsync("**days=30**");
        Assert.Contains("by=category", page.Url);
        Assert.Equal(30, await page.Locator("#trend-chart svg g[data-start]").CountAsync());
        Assert.Equal("1", await Segment(page, Yesterday, "billing"));
        Assert.Contains("stacked by category", await page.GetAttributeAsync("#trend-chart svg", "aria-label"));
    }

    private static async Task PostAsync(HttpClient api, string id, DateTime receivedAt, string priority, string category, string sentiment)
    {
        var ticket = new { id, sender = "ops@example.com", subject = "Trend ticket", body = "Counted by received_at.", received_at = receivedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };
        (await api.PostAsJsonAsync("/tickets", ticket)).EnsureSuccessStatusCode();
        (await api.PatchAsJsonAsync($"/tickets/{id}/triage", new { priority, category, sentiment, reviewer = "Trend Test" })).EnsureSuccessStatusCode();
    }

    private static ILocator Column(IPage page, string day) => page.Locator($"#trend-chart svg g[data-start='{day}']");

    private static Task<string?> Segment(IPage page, string day, string key) =>
        Column(page, day).Locator($"rect[data-key={key}]").GetAttributeAsync("data-count");

    private static async Task<IReadOnlyList<string>> Row(ILocator table, string day) =>
        [.. (await table.Locator($"tbody tr[data-start='{day}'] > *").AllTextContentsAsync()).Select(text => text.Trim())];

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
