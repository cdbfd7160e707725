using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary><c>GET /tickets?needs_review=true</c> and the overview's <c>needs_review</c>, over real Postgres and Redis.</summary>
public sealed class ReviewQueueApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private async Task SetConfidenceAsync(string id, double priority, double category, double sentiment)
    {
        await using var scope = api.Storage.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
        await db.TicketTriages.Where(t => t.TicketId == id).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.ConfidencePriority, priority)
            .SetProperty(t => t.ConfidenceCategory, category)
            .SetProperty(t => t.ConfidenceSentiment, sentiment));
    }

    private async Task<TicketPage> QueueAsync() =>
        (await api.Client.GetFromJsonAsync<TicketPage>("/tickets?needs_review=true&order=confidence&limit=100", TicketSenseJson.Options))!;

    [Fact]
    public async Task The_queue_holds_uncorrected_triages_with_a_label_under_the_threshold_least_sure_first_and_a_correction_takes_one_out()
    {
        foreach (var id in new[] { "rq-sure", "rq-unsure", "rq-least", "rq-fixed" }) await api.PostAsync(id, $"Subject of {id}");
        await SetConfidenceAsync("rq-sure", 0.9, 0.95, 0.8);
        await SetConfidenceAsync("rq-unsure", 0.9, 0.35, 0.8);
        await SetConfidenceAsync("rq-least", 0.1, 0.9, 0.9);
        await SetConfidenceAsync("rq-fixed", 0.2, 0.2, 0.2);

        var before = (await QueueAsync()).Items.Select(t => t.Id).Where(id => id.StartsWith("rq-")).ToList();
        Assert.Equal(["rq-least", "rq-fixed", "rq-unsure"], before);

        var fixedTicket = (await api.Client.GetFromJsonAsync<TicketResponse>("/tickets/rq-fixed", TicketSenseJson.Options))!;
        var correction = await api.Client.PatchAsJsonAsync("/tickets/rq-fixed/triage", new
        {
            priority = WireNames.Of(fixedTicket.Triage!.Priority),
            category = WireNames.Of(fixedTicket.Triage.Category),
            sentiment = WireNames.Of(fixedTicket.Triage.Sentiment),
            reviewer = "Review Queue Test",
        });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);

        var after = (await QueueAsync()).Items.Select(t => t.Id).Where(id => id.StartsWith("rq-")).ToList();
        Assert.Equal(["rq-least", "rq-unsure"], after);

        await using var scope = api.Factory.Services.CreateAsyncScope();
        var overview = await scope.ServiceProvider.GetRequiredService<OverviewService>().RefreshAsync(CancellationToken.None);
        Assert.Equal((await QueueAsync()).Total, overview.NeedsReview);
        var cached = (await api.Client.GetFromJsonAsync<JsonElement>("/overview")).GetProperty("needs_review").GetInt32();
        Assert.Equal(overview.NeedsReview, cached);
    }

    [Fact]
    public async Task A_needs_review_value_other_than_true_or_false_is_a_400_naming_it()
    {
        var response = await api.Client.GetAsync("/tickets?needs_review=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("needs_review", out _), errors.ToString());
    }
}
