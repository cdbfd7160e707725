using System.Net.Http.Json;
using Microsoft.Playwright;
using TicketSense.Contracts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.EndToEnd;

/// <summary>The dashboard in a real browser against the whole system (Web → service discovery → Api → Postgres/Redis).</summary>
[Collection(SystemCollection.Name)]
public sealed class DashboardTests(SystemFixture system) : IAsyncLifetime
{
    private Browser _browser = null!;

    public async Task InitializeAsync() => _browser = await Browser.LaunchAsync();

    public async Task DisposeAsync() => await _browser.DisposeAsync();

    private async Task<IPage> OpenAsync(string path, int width = 1400, int height = 1000)
    {
        var page = await _browser.Chromium.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        await page.GotoAsync(system.WebUrl + path);
        return page;
    }

    [Fact]
    public async Task The_home_page_shows_the_numbers_of_the_overview()
    {
        var overview = await system.WaitUntilTriagedAsync(0);
        var page = await OpenAsync("/");

        Assert.Equal(overview.TotalTickets.ToString(), await page.TextContentAsync("#kpi-total"));
        Assert.Equal(overview.ByPriority[Priority.Critical].ToString(), await page.TextContentAsync("#kpi-critical"));
        Assert.Equal(overview.BySentiment[Sentiment.Angry].ToString(), await page.TextContentAsync("#kpi-angry"));
        foreach (var (label, count) in overview.ByCategory)
        {
            Assert.Equal(count.ToString(), await page.TextContentAsync($"[data-chart=category] g[data-key={WireNames.Of(label)}] .bar-count"));
        }
        Assert.Equal(10, await page.Locator(".sample tbody tr").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard.png"), FullPage = true });
    }

    [Fact]
    public async Task A_reviewer_corrects_a_ticket_on_the_Review_page_with_the_keyboard_alone()
    {
        // A vague ticket the local model is unsure about (its sentiment confidence is under 0.1) joins the open queue live.
        const string id = "review-1";
        var page = await OpenAsync("/review");
        await page.WaitForSelectorAsync("#live-status.connected");
        var posted = await system.Api.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id, subject: "Question", body: "hi, quick question about my account"));
        posted.EnsureSuccessStatusCode();
        var item = page.Locator($"form[data-ticket-id='{id}']");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 15_000 });

        await page.FocusAsync("#reviewer");
        await page.Keyboard.TypeAsync("Kim Reviewer");
        var before = await item.Locator("input[name=priority]:checked").GetAttributeAsync("value");
        await item.Locator("input[name=priority]:checked").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight"); // the next priority
        var chosen = await item.Locator("input[name=priority]:checked").GetAttributeAsync("value");
        Assert.NotEqual(before, chosen);
        await page.Keyboard.PressAsync("Tab"); // category group
        await page.Keyboard.PressAsync("Tab"); // sentiment group
        await page.Keyboard.PressAsync("Tab"); // Save
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForSelectorAsync("#review-message");
        Assert.Contains(id, await page.TextContentAsync("#review-message"));
        Assert.Equal(0, await page.Locator($"form[data-ticket-id='{id}']").CountAsync());
        Assert.Equal("Kim Reviewer", await page.EvaluateAsync<string>("() => localStorage.getItem('ticketsense.reviewer')"));

        var detail = await OpenAsync($"/tickets/{id}");
        var newest = detail.Locator("#history-table tbody tr").First;
        Assert.Equal("human", await newest.Locator("td").Nth(1).TextContentAsync());
        Assert.Equal("Kim Reviewer", await newest.Locator("td").Nth(2).TextContentAsync());
        Assert.Contains(chosen!, await newest.Locator("td.labels").TextContentAsync());
        Assert.True(await detail.Locator("#history-table tbody tr").CountAsync() >= 2); // the model's triage, then the correction

        // The model learns it: Retrain on the same page, and the Worker's next version counts the correction.
        var modelBefore = (await system.Api.GetFromJsonAsync<ModelResponse>("/model", TicketSenseJson.Options))!;
        await page.ClickAsync("#retrain");
        await page.WaitForSelectorAsync("#review-message");
        Assert.Contains("training", await page.TextContentAsync("#review-message"));
        await Poll.UntilAsync(async () => (await system.Api.GetFromJsonAsync<ModelResponse>("/model", TicketSenseJson.Options))!.Version > modelBefore.Version, TimeSpan.FromSeconds(90));
        var after = (await system.Api.GetFromJsonAsync<ModelResponse>("/model", TicketSenseJson.Options))!;
        Assert.True(after.Corrections >= 1, $"version {after.Version} learned from {after.Corrections} corrections");
        await page.ReloadAsync();
        Assert.Equal($"version {after.Version}", await page.TextContentAsync("#model-version"));
    }

    [Fact]
    public async Task A_posted_ticket_appears_live_without_a_reload()
    {
        var page = await OpenAsync("/");
        await page.WaitForSelectorAsync("#live-status.connected");
        var before = int.Parse((await page.TextContentAsync("#kpi-total"))!);

        var posted = await system.Api.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("live-1", subject: "Live ticket: export stuck at 99%"));
        posted.EnsureSuccessStatusCode();

        await page.WaitForSelectorAsync("#latest li[data-id='live-1']", new PageWaitForSelectorOptions { Timeout = 10_000 });
        Assert.Equal("Live ticket: export stuck at 99%", await page.TextContentAsync("#latest li[data-id='live-1'] a"));
        await page.WaitForFunctionAsync($"() => document.querySelector('#kpi-total').textContent === '{before + 1}'", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
    }

    [Fact]
    public async Task Ticket_content_with_markup_is_shown_as_text_and_never_runs()
    {
        var subject = "<script>window.__xss = 1</script><b>bold?</b>";
        var body = "Hello <img src=x onerror=\"window.__xss = 2\"> team";
        (await system.Api.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("xss-1", subject, body))).EnsureSuccessStatusCode();

        var home = await OpenAsync("/");
        await home.WaitForSelectorAsync("#live-status.connected");
        var detail = await OpenAsync("/tickets/xss-1");
        var list = await OpenAsync("/tickets?q=bold");

        Assert.Equal(subject, await detail.TextContentAsync("h1"));
        Assert.Equal(body, await detail.TextContentAsync("#ticket-body"));
        Assert.Equal(0, await detail.Locator("h1 b, #ticket-body img").CountAsync());
        Assert.Equal(subject, await list.TextContentAsync("#ticket-table tbody tr td a"));
        foreach (var page in new[] { home, detail, list })
        {
            Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        }
    }

    [Fact]
    public async Task The_filters_narrow_the_ticket_list()
    {
        var overview = await system.WaitUntilTriagedAsync(0);
        // The rarest priority that some ticket has: filtering by it must narrow the list.
        var (priority, expected) = overview.ByPriority.Where(p => p.Value > 0).MinBy(p => p.Value);
        var value = WireNames.Of(priority);
        var page = await OpenAsync("/tickets");
        var all = await CountAsync(page);

        await page.SelectOptionAsync("#filter-priority", value);
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync($"**priority={value}**");
        var filtered = await CountAsync(page);
        var badges = await page.Locator("#ticket-table tbody tr td.labels span[title=priority]").AllTextContentsAsync();

        Assert.Equal(expected, filtered);
        Assert.True(filtered < all, $"Filtering by {value} did not narrow {all} tickets.");
        Assert.NotEmpty(badges);
        Assert.All(badges, badge => Assert.Equal(value, badge));

        await page.FillAsync("#filter-q", "zzzz-no-such-subject");
        await page.ClickAsync("form.filters button[type=submit]");
        await page.WaitForURLAsync("**q=zzzz**");
        Assert.Equal(0, await CountAsync(page));
    }

    [Fact]
    public async Task The_detail_page_retriages_and_phone_widths_keep_the_kpis_readable()
    {
        var page = await OpenAsync("/tickets/live-detail-1".Replace("live-detail-1", (await PostAsync("detail-1")).Id), width: 390, height: 844);

        await page.ClickAsync("#retriage");
        await page.WaitForSelectorAsync(".banner.info >> text=Re-triaged");
        Assert.Equal("local", await page.TextContentAsync("dl.meta dt:text('Source') + dd"));

        var home = await OpenAsync("/", width: 390, height: 844);
        var box = await home.Locator("#kpi-total").BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.X + box.Width <= 390, "The KPI overflows a phone-width viewport.");
    }

    [Fact]
    public async Task The_detail_page_shows_the_history_with_the_correction_newest_first()
    {
        var ticket = await PostAsync("detail-history-1");
        var correction = await system.Api.PatchAsJsonAsync($"/tickets/{ticket.Id}/triage", new { priority = "critical", reviewer = "Dana Okafor", note = "Payroll is blocked." });
        correction.EnsureSuccessStatusCode();

        var page = await OpenAsync($"/tickets/{ticket.Id}");

        var rows = page.Locator("#history-table tbody tr");
        Assert.Equal(2, await rows.CountAsync());
        Assert.Equal("human", await rows.Nth(0).Locator("td").Nth(1).TextContentAsync());
        Assert.Equal("Dana Okafor", await rows.Nth(0).Locator("td").Nth(2).TextContentAsync());
        Assert.Equal("Payroll is blocked.", await rows.Nth(0).Locator("td").Nth(4).TextContentAsync());
        Assert.Equal("local", await rows.Nth(1).Locator("td").Nth(1).TextContentAsync());
        Assert.Contains("Dana Okafor", await page.TextContentAsync("dl.meta dt:text('Corrected') + dd"));
    }

    private async Task<TicketResponse> PostAsync(string id)
    {
        var response = await system.Api.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    private static async Task<int> CountAsync(IPage page)
    {
        var text = await page.TextContentAsync("#result-count");
        return int.Parse(text!.Split(' ')[0]);
    }
}
