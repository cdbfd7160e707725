using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary><c>GET /exports/tickets.csv</c> over real Postgres and Redis: what it writes, how it filters, who may read it.</summary>
public sealed class ExportApiTests(ApiFixture api) : IClassFixture<ApiFixture>, IAsyncLifetime
{
    private const string Header = "id,sender,subject,body,received_at,created_at,priority,category,sentiment,summary,tags," +
        "source,model,confidence_priority,confidence_category,confidence_sentiment,reviewer";

    private const string FormulaSubject = "=HYPERLINK(\"http://evil.example/x\",\"Click\")";
    private const string AwkwardBody = "Hello, team: the \"export\" button,\r\nthen a second line, and a third\nwith a bare LF.";

    public async Task InitializeAsync()
    {
        if (await ExistsAsync("ex-critical")) return;
        await api.PostAsync("ex-critical", "Production is down for everyone");
        await api.PostAsync("ex-routine", "How do I change my invoice address?");
        await api.PostAsync("ex-formula", FormulaSubject);
        var awkward = await api.Client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("ex-awkward", "A body with commas", AwkwardBody));
        awkward.EnsureSuccessStatusCode();
        await CorrectAsync("ex-critical", "critical");
        await CorrectAsync("ex-routine", "low");
        // Stored without a triage, as after a crash before the model answered: its triage cells are empty.
        await using var scope = api.Storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(new Ticket
        {
            Id = "ex-pending", Sender = "pending@example.com", Subject = "-1 for the new pricing", Body = "@everyone +1",
            ReceivedAt = new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero),
        }, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_csv_is_an_attachment_of_the_header_and_one_row_per_ticket_with_its_values_and_formulas_neutralised()
    {
        using var response = await api.Client.GetAsync("/exports/tickets.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment; filename=\"tickets.csv\"", response.Content.Headers.ContentDisposition?.ToString());
        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Header, string.Join(',', rows[0]));

        var all = (await api.Client.GetFromJsonAsync<TicketPage>("/tickets?limit=100", TicketSenseJson.Options))!;
        Assert.Equal(all.Items.Select(Expected), rows.Skip(1));

        var byId = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal("'" + FormulaSubject, byId["ex-formula"][2]);
        Assert.Equal(AwkwardBody, byId["ex-awkward"][3]);
        Assert.Equal(["'-1 for the new pricing", "'@everyone +1"], byId["ex-pending"][2..4]);
        Assert.All(byId["ex-pending"][6..], cell => Assert.Equal("", cell));
        Assert.Equal(["critical", "human", "Export Test"], [byId["ex-critical"][6], byId["ex-critical"][11], byId["ex-critical"][16]]);
    }

    [Fact]
    public async Task A_priority_filter_exports_only_those_tickets()
    {
        using var response = await api.Client.GetAsync("/exports/tickets.csv?priority=critical");

        var rows = Rfc4180.Parse(await response.Content.ReadAsStringAsync());
        var critical = (await api.Client.GetFromJsonAsync<TicketPage>("/tickets?priority=critical&limit=100", TicketSenseJson.Options))!;
        Assert.Contains("ex-critical", rows.Skip(1).Select(r => r[0]));
        Assert.Equal(critical.Items.Select(t => t.Id), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), row => Assert.Equal("critical", row[6]));
    }

    [Fact]
    public async Task An_unknown_priority_is_the_same_400_as_the_list_naming_priority_and_limit_is_ignored()
    {
        using var response = await api.Client.GetAsync("/exports/tickets.csv?priority=urgent&limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["priority"], errors.EnumerateObject().Select(e => e.Name));
    }

    private async Task<bool> ExistsAsync(string id) =>
        (await api.Client.GetAsync($"/tickets/{id}")).StatusCode == HttpStatusCode.OK;

    private async Task CorrectAsync(string id, string priority)
    {
        var ticket = (await api.Client.GetFromJsonAsync<TicketResponse>($"/tickets/{id}", TicketSenseJson.Options))!;
        var response = await api.Client.PatchAsJsonAsync($"/tickets/{id}/triage", new
        {
            priority,
            category = WireNames.Of(ticket.Triage!.Category),
            sentiment = WireNames.Of(ticket.Triage.Sentiment),
            reviewer = "Export Test",
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The row the export owes <paramref name="ticket"/>, from what <c>GET /tickets</c> says about it.</summary>
    private static List<string> Expected(TicketResponse ticket)
    {
        var (triage, meta) = (ticket.Triage, ticket.TriageMeta);
        string[] cells =
        [
            ticket.Id,
            ticket.Sender,
            ticket.Subject,
            ticket.Body,
            ticket.ReceivedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ticket.CreatedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            triage is null ? "" : WireNames.Of(triage.Priority),
            triage is null ? "" : WireNames.Of(triage.Category),
            triage is null ? "" : WireNames.Of(triage.Sentiment),
            triage?.Summary ?? "",
            triage is null ? "" : string.Join(';', triage.Tags),
            meta is null ? "" : WireNames.Of(meta.Source),
            meta?.Model ?? "",
            meta?.Confidence?.Priority.ToString(CultureInfo.InvariantCulture) ?? "",
            meta?.Confidence?.Category.ToString(CultureInfo.InvariantCulture) ?? "",
            meta?.Confidence?.Sentiment.ToString(CultureInfo.InvariantCulture) ?? "",
            meta?.Reviewer ?? "",
        ];
        return [.. cells.Select(Neutralised)];
    }

    private static string Neutralised(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;
}
