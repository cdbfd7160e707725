using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

public sealed class OverviewApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task The_overview_counts_every_ticket_and_holds_every_label()
    {
        await api.PostAsync("ov-1");
        await api.PostAsync("ov-2");

        var overview = (await (await api.Client.PostAsync("/overview/refresh", null)).Content.ReadFromJsonAsync<OverviewResponse>(TicketSenseJson.Options))!;

        Assert.Equal(2, overview.TotalTickets);
        Assert.Equal(0, overview.Pending);
        Assert.Equal(Enum.GetValues<Priority>(), overview.ByPriority.Keys.Order());
        Assert.Equal(Enum.GetValues<Category>(), overview.ByCategory.Keys.Order());
        Assert.Equal(Enum.GetValues<Sentiment>(), overview.BySentiment.Keys.Order());
        Assert.Equal(2, overview.ByPriority.Values.Sum());
        Assert.Equal(2, overview.ByCategory.Values.Sum());
        Assert.Equal(2, overview.BySentiment.Values.Sum());
        var ttl = await api.Storage.RedisDatabase.KeyTimeToLiveAsync("triage:overview");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(86_400 - 5), TimeSpan.FromSeconds(86_400));
    }

    [Fact]
    public async Task A_cached_overview_is_served_from_redis_as_it_is()
    {
        // A value no computation would produce: if GET returns it, GET read Redis and nothing else.
        await api.Storage.RedisDatabase.StringSetAsync("triage:overview",
            """{"total_tickets":4242,"pending":42,"by_priority":{"low":1,"medium":0,"high":0,"critical":0},"by_category":{"billing":1,"technical":0,"feature_request":0,"complaint":0,"general":0},"by_sentiment":{"positive":1,"neutral":0,"negative":0,"angry":0}}""",
            TimeSpan.FromMinutes(1));
        // As a replica just started, or told its copy is gone: the next read goes to Redis.
        api.Factory.Services.GetRequiredService<OverviewCopy>().Clear();

        var overview = (await api.Client.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options))!;

        Assert.Equal(4242, overview.TotalTickets);
        Assert.Equal(42, overview.Pending);
        await api.Storage.RedisDatabase.KeyDeleteAsync("triage:overview");
    }

    [Fact]
    public async Task A_triage_refreshes_the_stored_overview_by_itself()
    {
        await api.Storage.RedisDatabase.KeyDeleteAsync(RedisKeys.Overview);
        await api.Client.PostAsync("/overview/refresh", null);
        var before = (await api.Client.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options))!.TotalTickets;

        await api.PostAsync("ov-refresh-1");

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        int stored;
        do
        {
            await Task.Delay(100);
            var json = await api.Storage.RedisDatabase.StringGetAsync(RedisKeys.Overview);
            stored = json.IsNullOrEmpty ? -1 : System.Text.Json.JsonSerializer.Deserialize<OverviewResponse>(json.ToString(), TicketSenseJson.Options)!.TotalTickets;
        }
        while (stored != before + 1 && DateTimeOffset.UtcNow < deadline);
        Assert.Equal(before + 1, stored);
    }
}
