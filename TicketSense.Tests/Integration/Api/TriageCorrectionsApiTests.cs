using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary><c>PATCH /tickets/{id}/triage</c> and <c>GET /tickets/{id}/history</c> over real Postgres and Redis.</summary>
public sealed class TriageCorrectionsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private HttpClient Client => api.Client;

    private Task<HttpResponseMessage> PatchRaw(string id, string json) =>
        Client.PatchAsync($"/tickets/{id}/triage", new StringContent(json, Encoding.UTF8, "application/json"));

    private async Task<TicketResponse> PatchAsync(string id, object correction)
    {
        var response = await Client.PatchAsJsonAsync($"/tickets/{id}/triage", correction);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
    }

    private async Task<IReadOnlyList<TriageHistoryItem>> HistoryAsync(string id) =>
        (await Client.GetFromJsonAsync<TriageHistory>($"/tickets/{id}/history", TicketSenseJson.Options))!.Items;

    private async Task<OverviewResponse> RefreshOverviewAsync()
    {
        var response = await Client.PostAsync("/overview/refresh", null);
        return (await response.Content.ReadFromJsonAsync<OverviewResponse>(TicketSenseJson.Options))!;
    }

    private static async Task<JsonElement> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private async Task AddPendingAsync(string id)
    {
        await using var scope = api.Storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TicketRepository>().AddAsync(SampleTickets.Ticket(id), CancellationToken.None);
    }

    [Fact]
    public async Task A_correction_sets_the_fields_it_names_and_keeps_the_others()
    {
        var created = await api.PostAsync("fix-1");
        var priority = created.Triage!.Priority == Priority.Critical ? Priority.Low : Priority.Critical;

        var corrected = await PatchAsync("fix-1", new { priority = WireNames.Of(priority), tags = new[] { "Double_Charge", "refund-request" }, reviewer = "  Dana Okafor ", note = "Two charges on one card." });

        Assert.Equal(priority, corrected.Triage!.Priority);
        Assert.Equal(["double-charge", "refund-request"], corrected.Triage.Tags);
        Assert.Equal(created.Triage.Category, corrected.Triage.Category);
        Assert.Equal(created.Triage.Summary, corrected.Triage.Summary);
        Assert.Equal(TriageSource.Human, corrected.TriageMeta!.Source);
        Assert.Equal("Dana Okafor", corrected.TriageMeta.Reviewer);
        Assert.NotNull(corrected.TriageMeta.CorrectedAt);
        Assert.Equal(created.TriageMeta!.Model, corrected.TriageMeta.Model);
        var read = (await Client.GetFromJsonAsync<TicketResponse>("/tickets/fix-1", TicketSenseJson.Options))!;
        Assert.Equivalent(corrected, read, strict: true);
        Assert.Equivalent(corrected.Triage, await api.Storage.Services.GetRequiredService<TriageCache>().GetAsync("fix-1", CancellationToken.None), strict: true);
        await using var scope = api.Storage.Scope();
        var row = (await scope.ServiceProvider.GetRequiredService<TriageRepository>().GetAsync("fix-1", CancellationToken.None))!;
        Assert.Equal([TriageFields.Priority, TriageFields.Tags], row.HumanFields);
        Assert.Equal(1, row.ConfidencePriority);
    }

    [Theory]
    [InlineData("""{"priority":"urgent","reviewer":"Dana"}""", "priority")]
    [InlineData("""{"category":"sales","reviewer":"Dana"}""", "category")]
    [InlineData("""{"sentiment":"Angry","reviewer":"Dana"}""", "sentiment")]
    [InlineData("""{"summary":"Two sentences. Not one.","reviewer":"Dana"}""", "summary")]
    [InlineData("""{"tags":["only-one"],"reviewer":"Dana"}""", "tags")]
    [InlineData("""{"tags":["Not Kebab!","fine-tag"],"reviewer":"Dana"}""", "tags")]
    [InlineData("""{"reviewer":"Dana","note":"nothing to correct"}""", "body")]
    [InlineData("""{"priority":"low"}""", "reviewer")]
    [InlineData("""{"priority":"low","reviewer":"   "}""", "reviewer")]
    [InlineData("""{"priority":"low","reviewer":7}""", "reviewer")]
    public async Task A_bad_correction_is_a_400_naming_its_field_and_writes_nothing(string json, string field)
    {
        var created = await api.PostAsync($"fix-bad-{field}-{Math.Abs(json.GetHashCode())}");

        var response = await PatchRaw(created.Id, json);

        Assert.True((await ErrorsOf(response)).TryGetProperty(field, out _), $"No error named {field}.");
        var read = (await Client.GetFromJsonAsync<TicketResponse>($"/tickets/{created.Id}", TicketSenseJson.Options))!;
        Assert.Equivalent(created, read, strict: true);
        Assert.Single(await HistoryAsync(created.Id));
    }

    [Fact]
    public async Task Length_limits_of_reviewer_and_note_are_inclusive()
    {
        await api.PostAsync("fix-limits");

        var atLimits = await Client.PatchAsJsonAsync("/tickets/fix-limits/triage", new { sentiment = "angry", reviewer = new string('r', 100), note = new string('n', 1000) });
        var overReviewer = await Client.PatchAsJsonAsync("/tickets/fix-limits/triage", new { sentiment = "angry", reviewer = new string('r', 101) });
        var overNote = await Client.PatchAsJsonAsync("/tickets/fix-limits/triage", new { sentiment = "angry", reviewer = "Dana", note = new string('n', 1001) });

        Assert.Equal(HttpStatusCode.OK, atLimits.StatusCode);
        Assert.True((await ErrorsOf(overReviewer)).TryGetProperty("reviewer", out _));
        Assert.True((await ErrorsOf(overNote)).TryGetProperty("note", out _));
    }

    [Fact]
    public async Task An_unknown_ticket_is_a_404_for_correction_and_history()
    {
        var patch = await Client.PatchAsJsonAsync("/tickets/no-such-ticket/triage", new { priority = "low", reviewer = "Dana" });
        var history = await Client.GetAsync("/tickets/no-such-ticket/history");

        Assert.Equal(HttpStatusCode.NotFound, patch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
        Assert.Equal("application/problem+json", patch.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_pending_ticket_takes_a_correction_only_with_all_three_labels()
    {
        await AddPendingAsync("fix-pending");

        var partial = await Client.PatchAsJsonAsync("/tickets/fix-pending/triage", new { priority = "high", category = "billing", reviewer = "Dana" });
        var full = await PatchAsync("fix-pending", new { priority = "high", category = "billing", sentiment = "negative", reviewer = "Dana" });

        Assert.Equal(HttpStatusCode.Conflict, partial.StatusCode);
        var problem = await partial.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("priority, category and sentiment", problem.GetProperty("detail").GetString());
        Assert.Equal((Priority.High, Category.Billing, Sentiment.Negative, ""), (full.Triage!.Priority, full.Triage.Category, full.Triage.Sentiment, full.Triage.Summary));
        Assert.Empty(full.Triage.Tags);
        Assert.Equal(TriageSource.Human, full.TriageMeta!.Source);
        Assert.Equal(TriageConfidence.Certain, full.TriageMeta.Confidence);
        await using var scope = api.Storage.Scope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<TriageRepository>().GetAsync("fix-pending", CancellationToken.None))!.AwaitingModel);
        Assert.Null(await api.Storage.Services.GetRequiredService<TriageCache>().GetAsync("fix-pending", CancellationToken.None));
        Assert.Single(await HistoryAsync("fix-pending"));
    }

    [Fact]
    public async Task A_retriage_after_a_correction_goes_to_the_history_and_the_human_fields_stay_current()
    {
        var created = await api.PostAsync("fix-history");
        var category = created.Triage!.Category == Category.Complaint ? Category.General : Category.Complaint;
        await PatchAsync("fix-history", new { category = WireNames.Of(category), summary = "The customer disputes a double charge on INV-88.", reviewer = "Dana", note = "Reads as a complaint." });

        var retriage = await Client.PostAsync("/tickets/fix-history/triage", null);

        Assert.Equal(HttpStatusCode.OK, retriage.StatusCode);
        var current = (await retriage.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!;
        Assert.Equal(category, current.Triage!.Category);
        Assert.Equal("The customer disputes a double charge on INV-88.", current.Triage.Summary);
        Assert.Equal(created.Triage.Tags, current.Triage.Tags);
        Assert.Equal(TriageSource.Human, current.TriageMeta!.Source);
        Assert.Equal("Dana", current.TriageMeta.Reviewer);
        Assert.Equivalent(current, await Client.GetFromJsonAsync<TicketResponse>("/tickets/fix-history", TicketSenseJson.Options), strict: true);

        var history = await HistoryAsync("fix-history");
        Assert.Equal([TriageSource.Local, TriageSource.Human, TriageSource.Local], history.Select(h => h.Source));
        Assert.True(history[0].At >= history[1].At && history[1].At >= history[2].At);
        Assert.Equal(created.Triage.Category, history[0].Triage.Category); // the model's own answer, as it gave it
        Assert.Null(history[0].Reviewer);
        Assert.Equal(("Dana", "Reads as a complaint."), (history[1].Reviewer, history[1].Note));
        Assert.Equal(category, history[1].Triage.Category);
        Assert.Equal(created.Triage.Summary, history[2].Triage.Summary);
    }

    [Fact]
    public async Task A_correction_is_announced_live_and_counted_by_the_overview()
    {
        var created = await api.PostAsync("fix-live");
        var priority = created.Triage!.Priority == Priority.Critical ? Priority.Low : Priority.Critical;
        var before = await RefreshOverviewAsync();
        var announced = new TaskCompletionSource<TicketResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnTriaged(TicketResponse ticket)
        {
            if (ticket.Id == "fix-live") announced.TrySetResult(ticket);
        }
        var events = api.Factory.Services.GetRequiredService<TriageEvents>();
        events.TriagedHere += OnTriaged;
        try
        {
            await PatchAsync("fix-live", new { priority = WireNames.Of(priority), reviewer = "Dana" });

            var live = await announced.Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(priority, live.Triage!.Priority);
            Assert.Equal("Dana", live.TriageMeta!.Reviewer);
        }
        finally
        {
            events.TriagedHere -= OnTriaged;
        }
        var after = await RefreshOverviewAsync();
        Assert.Equal(before.ByPriority[priority] + 1, after.ByPriority[priority]);
        Assert.Equal(before.ByPriority[created.Triage.Priority] - 1, after.ByPriority[created.Triage.Priority]);
    }

    [Fact]
    public async Task The_history_json_has_the_documented_fields()
    {
        await api.PostAsync("fix-json");
        await PatchAsync("fix-json", new { priority = "low", reviewer = "Dana" });

        var json = await Client.GetFromJsonAsync<JsonElement>("/tickets/fix-json/history");

        var names = json.GetProperty("items")[0].EnumerateObject().Select(p => p.Name).Order();
        Assert.Equal(["actor", "at", "confidence", "model", "note", "reviewer", "source", "triage"], names);
        Assert.Equal("human", json.GetProperty("items")[0].GetProperty("source").GetString());
    }
}
