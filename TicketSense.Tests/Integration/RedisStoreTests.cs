using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Testing.Servers;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration;

public sealed class RedisStoreTests(StorageFixture storage) : IClassFixture<StorageFixture>
{
    private static readonly TriageOutput Triage =
        new(Priority.Low, Category.Billing, Sentiment.Neutral, "The customer did not receive an email receipt for the April payment.", ["payment-receipt", "resend-request"]);

    private static readonly OverviewResponse Overview = new(
        300, 0,
        new Dictionary<Priority, int> { [Priority.Low] = 99, [Priority.Medium] = 68, [Priority.High] = 54, [Priority.Critical] = 79 },
        new Dictionary<Category, int> { [Category.Billing] = 28, [Category.Technical] = 106, [Category.FeatureRequest] = 94, [Category.Complaint] = 30, [Category.General] = 42 },
        new Dictionary<Sentiment, int> { [Sentiment.Positive] = 46, [Sentiment.Neutral] = 105, [Sentiment.Negative] = 65, [Sentiment.Angry] = 84 });

    [Fact]
    public async Task A_cached_triage_is_the_designs_json_under_its_key_for_exactly_seven_days()
    {
        var cache = storage.Services.GetRequiredService<TriageCache>();

        Assert.True(await cache.SetAsync("TKT-0001", Triage, CancellationToken.None));

        var raw = await storage.RedisDatabase.StringGetAsync("triage:ticket:TKT-0001");
        Assert.Equal(
            """{"priority":"low","category":"billing","sentiment":"neutral","summary":"The customer did not receive an email receipt for the April payment.","tags":["payment-receipt","resend-request"]}""",
            raw.ToString());
        var ttl = await storage.RedisDatabase.KeyTimeToLiveAsync("triage:ticket:TKT-0001");
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromSeconds(604_800 - 5), TimeSpan.FromSeconds(604_800));
        var read = await cache.GetAsync("TKT-0001", CancellationToken.None);
        Assert.Equal(Triage.Summary, read!.Summary);
        Assert.Equal(Triage.Tags, read.Tags);
    }

    [Fact]
    public async Task A_triage_never_cached_is_a_miss()
    {
        Assert.Null(await storage.Services.GetRequiredService<TriageCache>().GetAsync("never-cached", CancellationToken.None));
    }

    [Fact]
    public async Task The_overview_is_stored_under_its_key_for_exactly_24_hours()
    {
        var store = storage.Services.GetRequiredService<OverviewStore>();

        Assert.True(await store.SetAsync(Overview, CancellationToken.None));

        var raw = await storage.RedisDatabase.StringGetAsync("triage:overview");
        Assert.StartsWith("""{"total_tickets":300,"pending":0,"by_priority":{"low":99,"medium":68,"high":54,"critical":79},"by_category":{"billing":28,""", raw.ToString());
        var ttl = await storage.RedisDatabase.KeyTimeToLiveAsync("triage:overview");
        Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(86_400 - 5), TimeSpan.FromSeconds(86_400));
        var read = await store.GetAsync(CancellationToken.None);
        Assert.Equal(94, read!.ByCategory[Category.FeatureRequest]);
        Assert.Equal(300, read.TotalTickets);
    }

    [Fact]
    public async Task Unreadable_json_under_a_key_is_a_miss_not_an_error()
    {
        await storage.RedisDatabase.StringSetAsync("triage:ticket:garbled", "{not json");

        Assert.Null(await storage.Services.GetRequiredService<TriageCache>().GetAsync("garbled", CancellationToken.None));
    }

    [Fact]
    public async Task With_redis_unreachable_reads_miss_and_writes_report_false()
    {
        // A port nothing listens on: the stores degrade instead of failing the caller (Postgres holds the truth).
        using var host = StorageFixture.BuildHost(storage.TicketsConnectionString, $"127.0.0.1:{FreePort.Next()},connectTimeout=200");
        var cache = host.Services.GetRequiredService<TriageCache>();
        var overview = host.Services.GetRequiredService<OverviewStore>();

        Assert.Null(await cache.GetAsync("TKT-0001", CancellationToken.None));
        Assert.False(await cache.SetAsync("TKT-0001", Triage, CancellationToken.None));
        Assert.Null(await overview.GetAsync(CancellationToken.None));
        Assert.False(await overview.SetAsync(Overview, CancellationToken.None));
    }
}
