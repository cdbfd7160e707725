using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketSense.Testing.Servers;
using TicketSense.Contracts;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary>What the Api does when a store is down, and that it recovers by itself when the store returns.</summary>
public sealed class DegradedModeTests
{
    [Fact]
    public async Task With_redis_down_tickets_are_written_and_read_and_the_overview_comes_from_postgres()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var factory = new ApiFactory(storage);
        var client = factory.CreateClient();
        await factory.WaitUntilMigratedAsync();
        var port = storage.Redis.Port;

        await storage.Redis.DisposeAsync();

        var created = await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("redis-down-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.NotNull((await created.Content.ReadFromJsonAsync<TicketResponse>(TicketSenseJson.Options))!.Triage);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tickets/redis-down-1")).StatusCode);
        var overview = (await client.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options))!;
        Assert.Equal(1, overview.TotalTickets);
        var ready = await client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var redisCheck = (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("StackExchange.Redis");
        Assert.Equal("Unhealthy", redisCheck.GetProperty("status").GetString());

        await using var redisAgain = await RedisServer.StartAsync(port);
        await Poll.UntilAsync(async () => (await client.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("redis-back-1"));
        var db = (await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redisAgain.ConnectionString)).GetDatabase();
        Assert.True(await db.KeyExistsAsync("triage:ticket:redis-back-1"));
    }

    [Fact]
    public async Task With_postgres_down_requests_get_503_problems_and_nothing_is_half_written_then_it_recovers()
    {
        // A Postgres of this test's own, so stopping it disturbs no other test.
        var directory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"pg-{Guid.NewGuid():N}");
        var options = new PostgresServerOptions(directory, FreePort.Next()) { Durable = false };
        var postgres = await PostgresServer.StartAsync(options, CancellationToken.None);
        await postgres.CreateDatabaseAsync("tickets");
        await using var redis = await TestServers.StartRedisAsync();
        await using var factory = new ApiFactory(postgres.ConnectionString("tickets") + ";Timeout=2", redis.ConnectionString);
        var client = factory.CreateClient();
        await Poll.UntilAsync(async () => (await client.GetAsync("/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("pg-1"))).StatusCode);

        await postgres.DisposeAsync();

        var post = await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("pg-2"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(503, (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
        Assert.NotNull(post.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        await using var restarted = await PostgresServer.StartAsync(options, CancellationToken.None);
        await Poll.UntilAsync(async () => (await client.GetAsync("/tickets/pg-1")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tickets/pg-2")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("pg-2"))).StatusCode);
    }

    [Fact]
    public async Task Before_its_database_is_migrated_the_api_answers_503_with_retry_after_then_serves_once_postgres_is_up()
    {
        // Postgres is down when the Api starts, so it cannot migrate; a Postgres of this test's own comes up later.
        var directory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"pg-{Guid.NewGuid():N}");
        var options = new PostgresServerOptions(directory, FreePort.Next()) { Durable = false };
        await using var redis = await TestServers.StartRedisAsync();
        var tickets = $"Host=127.0.0.1;Port={options.Port};Username=postgres;Database=tickets;Timeout=2";
        await using var factory = new ApiFactory(tickets, redis.ConnectionString);
        var client = factory.CreateClient();

        foreach (var response in new[] { await client.GetAsync("/tickets"), await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("early-1")) })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(response.Headers.RetryAfter);
        }
        foreach (var path in new[] { "/health", "/info", "/openapi/v1.json", "/docs" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
        var ready = await client.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("checks").GetProperty("migrated").GetProperty("status").GetString());

        await using var postgres = await PostgresServer.StartAsync(options, CancellationToken.None);
        await postgres.CreateDatabaseAsync("tickets");
        await Poll.UntilAsync(async () => (await client.GetAsync("/tickets")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("early-1"))).StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_from_real_kestrel()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        await using var factory = new ApiFactory(storage, new Dictionary<string, string?> { ["Api:MaxRequestBytes"] = "4096" });
        factory.UseKestrel(0);
        factory.StartServer();
        var client = factory.CreateClient();
        await factory.WaitUntilMigratedAsync();

        var response = await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("too-big-1", body: new string('x', 8000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tickets/too-big-1")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("small-1"))).StatusCode);
    }
}
