using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;
using TicketSense.Testing;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

/// <summary>The ticket list's "Download CSV" button in a real browser: the file it saves holds the filtered tickets.</summary>
public sealed class ExportDownloadBrowserTests
{
    [Fact]
    public async Task The_download_button_of_a_filtered_list_saves_the_filtered_csv()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = new ApiFactory(storage);
        api.UseKestrel(0);
        api.StartServer();
        using var apiClient = api.CreateClient();
        await api.WaitUntilMigratedAsync();
        foreach (var (id, priority) in new[] { ("dl-1", "critical"), ("dl-2", "low"), ("dl-3", "critical") })
        {
            (await apiClient.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id))).EnsureSuccessStatusCode();
            (await apiClient.PatchAsJsonAsync($"/tickets/{id}/triage", new { priority, reviewer = "Download Test" })).EnsureSuccessStatusCode();
        }
        await using var web = new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(builder => builder.UseSetting("Services:api:http:0", apiClient.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        web.UseKestrel(0);
        web.StartServer();
        using var webClient = web.CreateClient();
        await using var browser = await Browser.LaunchAsync();
        var page = await browser.Chromium.NewPageAsync(new BrowserNewPageOptions { AcceptDownloads = true });

        await page.GotoAsync(webClient.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/tickets?priority=critical");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var saved = Path.Combine(Path.GetTempPath(), $"ticketsense-download-{Guid.NewGuid():N}.csv");
        await download.SaveAsAsync(saved);

        try
        {
            Assert.Equal("tickets.csv", download.SuggestedFilename);
            var rows = Rfc4180.Parse(await File.ReadAllTextAsync(saved));
            Assert.Equal("id", rows[0][0]);
            var priority = rows[0].IndexOf("priority");
            Assert.Equal(["dl-1", "dl-3"], rows.Skip(1).Select(r => r[0]).Order());
            Assert.All(rows.Skip(1), row => Assert.Equal("critical", row[priority]));
        }
        finally
        {
            File.Delete(saved);
        }
    }
}
