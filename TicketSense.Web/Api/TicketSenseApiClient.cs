using System.Net;
using System.Net.Http.Json;
using TicketSense.Contracts;

namespace TicketSense.Web.Api;

/// <summary>The dashboard's only door to data: the TicketSense Api at <c>http://api</c>, resolved by service discovery.</summary>
public sealed class TicketSenseApiClient(HttpClient http)
{
    public async Task<OverviewResponse> GetOverviewAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options, cancellationToken))!;

    public async Task<InfoResponse> GetInfoAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<InfoResponse>("/info", TicketSenseJson.Options, cancellationToken))!;

    public async Task<IReadOnlyList<TicketResponse>> GetSampleAsync(int size, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<TicketResponse[]>($"/overview/sample?size={size}", TicketSenseJson.Options, cancellationToken))!;

    public async Task<TicketPage> GetTicketsAsync(TicketFilter filter, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<TicketPage>("/tickets" + filter.ToQueryString(), TicketSenseJson.Options, cancellationToken))!;

    /// <summary>The ticket, or null when the Api knows no such id.</summary>
    public async Task<TicketResponse?> GetTicketAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/tickets/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options, cancellationToken);
    }

    /// <summary>Every triage and correction of the ticket, newest first; null when the Api knows no such id.</summary>
    public async Task<TriageHistory?> GetHistoryAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/tickets/{Uri.EscapeDataString(id)}/history", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TriageHistory>(TicketSenseJson.Options, cancellationToken);
    }

    public async Task<TicketResponse?> RetriageAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync($"/tickets/{Uri.EscapeDataString(id)}/triage", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options, cancellationToken);
    }
}
