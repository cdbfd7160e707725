using System.Net;
using System.Net.Http.Json;
using TicketSense.Contracts;

namespace TicketSense.Web.Api;

/// <summary>The dashboard's only door to data: the TicketSense Api at <c>http://api</c>, resolved by service discovery.</summary>
public sealed class TicketSenseApiClient(HttpClient http)
{
    public async Task<OverviewResponse> GetOverviewAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options, cancellationToken))!;

    /// <summary>
    /// <c>GET /overview/trends</c> from <paramref name="from"/> (UTC) to the Api's default <c>to</c>, the next whole minute,
    /// so every dashboard within a minute asks for the same window and the Api answers from its cache.
    /// </summary>
    public async Task<TrendsResponse> GetTrendsAsync(DateTime from, TrendBucket bucket, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<TrendsResponse>(
            $"/overview/trends?from={from.ToUniversalTime():yyyy-MM-ddTHH:mm:ssZ}&bucket={WireNames.Of(bucket)}", TicketSenseJson.Options, cancellationToken))!;

    public async Task<InfoResponse> GetInfoAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<InfoResponse>("/info", TicketSenseJson.Options, cancellationToken))!;

    /// <summary>How many webhook deliveries are pending, delivered and failed (one item is the least the listing sends).</summary>
    public async Task<AlertDeliveryCounts> GetAlertCountsAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<AlertDeliveryList>("/alerts/deliveries?limit=1", TicketSenseJson.Options, cancellationToken))!.Counts;

    /// <summary>The incident spikes still active, newest first: the dashboard's banners.</summary>
    public async Task<IReadOnlyList<SpikeResponse>> GetActiveSpikesAsync(CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<SpikeList>("/alerts/spikes?active=true", TicketSenseJson.Options, cancellationToken))!.Items;

    public async Task<IReadOnlyList<TicketResponse>> GetSampleAsync(int size, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<TicketResponse[]>($"/overview/sample?size={size}", TicketSenseJson.Options, cancellationToken))!;

    public async Task<TicketPage> GetTicketsAsync(TicketFilter filter, CancellationToken cancellationToken) =>
        (await http.GetFromJsonAsync<TicketPage>("/tickets" + filter.ToQueryString(), TicketSenseJson.Options, cancellationToken))!;

    /// <summary>
    /// <c>GET /exports/tickets.csv</c> with <paramref name="filter"/>'s filters, returned once its headers arrive so the
    /// caller streams the body on (the caller disposes it): an export of any size never sits in this process's memory.
    /// </summary>
    public Task<HttpResponseMessage> GetTicketsCsvAsync(TicketFilter filter, CancellationToken cancellationToken) =>
        http.GetAsync("/exports/tickets.csv" + filter.ToExportQueryString(), HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>The ticket, or null when the Api knows no such id.</summary>
    public async Task<TicketResponse?> GetTicketAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/tickets/{Uri.EscapeDataString(id)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options, cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /tickets/{id}/triage</c> with the labels a reviewer chose: the corrected ticket, or the Api's problem
    /// details when it refused the correction (400, 404, 409).
    /// </summary>
    public async Task<(TicketResponse? Ticket, ProblemDetailsResponse? Problem)> CorrectAsync(
        string id, string reviewer, Priority priority, Category category, Sentiment sentiment, CancellationToken cancellationToken)
    {
        var correction = new Dictionary<string, string>
        {
            ["priority"] = WireNames.Of(priority),
            ["category"] = WireNames.Of(category),
            ["sentiment"] = WireNames.Of(sentiment),
            ["reviewer"] = reviewer,
        };
        using var response = await http.PatchAsJsonAsync($"/tickets/{Uri.EscapeDataString(id)}/triage", correction, TicketSenseJson.Options, cancellationToken);
        if (response.IsSuccessStatusCode) return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options, cancellationToken), null);
        if ((int)response.StatusCode is >= 400 and < 500)
            return (null, await response.Content.ReadFromJsonAsync<ProblemDetailsResponse>(TicketSenseJson.Options, cancellationToken));
        response.EnsureSuccessStatusCode();
        return (null, null);
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

    /// <summary>The local model version the Api serves, or null before the first is stored (503).</summary>
    public async Task<ModelResponse?> GetModelAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("/model", cancellationToken);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ModelResponse>(TicketSenseJson.Options, cancellationToken);
    }

    /// <summary><c>POST /model/retrain</c>: the serving version, now training its successor; null before the first is stored.</summary>
    public async Task<ModelResponse?> RetrainAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync("/model/retrain", null, cancellationToken);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<ModelResponse>(TicketSenseJson.Options, cancellationToken);
    }
}
