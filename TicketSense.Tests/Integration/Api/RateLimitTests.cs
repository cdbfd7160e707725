using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Triage.Local;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary>
/// <c>Api:RateLimit</c> on the write endpoints: a token bucket per caller, refused writes a 429 problem with a
/// <c>Retry-After</c> that stores nothing, one key's bucket apart from another's, and no limit when unset.
/// </summary>
public sealed class RateLimitTests
{
    private const string AlphaKey = "alpha-key-0123456789abcdef";
    private const string BetaKey = "beta-key-0123456789abcdef";

    private static readonly Dictionary<string, string?> OnePerSecondBurstOfThree = new()
    {
        ["Api:RateLimit:PermitsPerSecond"] = "1",
        ["Api:RateLimit:Burst"] = "3",
    };

    [Fact]
    public async Task A_burst_over_the_bucket_gets_429_problems_with_Retry_After_and_stores_nothing()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage, OnePerSecondBurstOfThree);
        using var client = api.CreateClient();

        var ids = Enumerable.Range(1, 6).Select(i => $"limited-{i}").ToArray();
        var responses = await Task.WhenAll(ids.Select(id => client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket(id))));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = ids.Zip(responses).Where(pair => pair.Second.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(3, refused.Count);
        foreach (var (id, response) in refused)
        {
            Assert.InRange(response.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3));
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Equal((429, "Too many requests."), (problem!.Status, problem.Title));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tickets/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task One_key_exhausting_its_bucket_does_not_limit_another_key()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage, new(OnePerSecondBurstOfThree)
        {
            ["Api:Keys:alpha"] = AlphaKey,
            ["Api:Keys:beta"] = BetaKey,
        });
        using var alpha = api.CreateClient();
        alpha.DefaultRequestHeaders.Add("X-Api-Key", AlphaKey);
        using var beta = api.CreateClient();
        beta.DefaultRequestHeaders.Add("X-Api-Key", BetaKey);

        var alphaResponses = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => alpha.PostAsJsonAsync("/tickets", ApiFixture.NewTicket($"alpha-{i}"))));
        var betaResponses = await Task.WhenAll(Enumerable.Range(1, 3).Select(i => beta.PostAsJsonAsync("/tickets", ApiFixture.NewTicket($"beta-{i}"))));

        Assert.Contains(alphaResponses, r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.All(betaResponses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }

    [Fact]
    public async Task Without_rate_limit_settings_a_burst_of_twenty_writes_all_succeed()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var api = await StartApiAsync(storage, []);
        using var client = api.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket($"unlimited-{i}"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
    }

    private static async Task<ApiFactory> StartApiAsync(StorageFixture storage, Dictionary<string, string?> settings)
    {
        var api = new ApiFactory(storage, settings);
        api.CreateClient().Dispose();
        await api.WaitUntilMigratedAsync();
        await api.Services.GetRequiredService<LocalTriageModelProvider>().GetAsync(CancellationToken.None);
        return api;
    }
}
