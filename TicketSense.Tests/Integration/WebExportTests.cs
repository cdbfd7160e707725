using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TicketSense.Contracts;
using TicketSense.Testing;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

/// <summary>The dashboard's "Download CSV": a link that keeps the list's filters, and the Api's export streamed through the Web.</summary>
public sealed partial class WebExportTests
{
    [Fact]
    public async Task The_ticket_lists_export_link_keeps_its_filter_and_downloads_the_filtered_csv()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = new ApiFactory(storage);
        api.UseKestrel(0);
        api.StartServer();
        using var apiClient = api.CreateClient();
        await api.WaitUntilMigratedAsync();
        foreach (var id in new[] { "web-ex-1", "web-ex-2" })
            (await apiClient.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id))).EnsureSuccessStatusCode();
        (await apiClient.PatchAsJsonAsync("/tickets/web-ex-1/triage", new { priority = "critical", category = "billing", sentiment = "negative", reviewer = "Web Export Test" })).EnsureSuccessStatusCode();
        (await apiClient.PatchAsJsonAsync("/tickets/web-ex-2/triage", new { priority = "low", category = "billing", sentiment = "neutral", reviewer = "Web Export Test" })).EnsureSuccessStatusCode();
        await using var web = new WebApplicationFactory<TicketSense.Web.WebAssembly>()
            .WithWebHostBuilder(builder => builder.UseSetting("Services:api:http:0", apiClient.BaseAddress!.GetLeftPart(UriPartial.Authority)));
        using var browser = web.CreateClient();

        var page = await browser.GetStringAsync("/tickets?priority=critical");
        var link = WebUtility.HtmlDecode(ExportLink().Match(page).Groups["href"].Value);
        using var download = await browser.GetAsync(link);

        Assert.StartsWith("/tickets/export.csv?", link);
        Assert.Contains("priority=critical", link);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment; filename=\"tickets.csv\"", download.Content.Headers.ContentDisposition?.ToString());
        var rows = Rfc4180.Parse(await download.Content.ReadAsStringAsync());
        var critical = (await apiClient.GetFromJsonAsync<TicketPage>("/tickets?priority=critical&limit=100", TicketSenseJson.Options))!;
        Assert.Equal("id", rows[0][0]);
        Assert.Contains("web-ex-1", rows.Skip(1).Select(r => r[0]));
        Assert.Equal(critical.Items.Select(t => t.Id), rows.Skip(1).Select(r => r[0]));
    }

    [GeneratedRegex("""<a href="(?<href>[^"]+)" id="export-csv" """)]
    private static partial Regex ExportLink();
}
