using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Api;

/// <summary>Two Api replicas over one Postgres and one Redis: each serves its in-process copy, fresh from the other's refreshes.</summary>
public sealed class OverviewReplicaTests : IAsyncLifetime
{
    private readonly StorageFixture _storage = new();
    private ApiFactory _a = null!, _b = null!;
    private HttpClient _clientA = null!, _clientB = null!;

    public async Task InitializeAsync()
    {
        await _storage.InitializeAsync();
        _a = new ApiFactory(_storage);
        _b = new ApiFactory(_storage);
        _clientA = _a.CreateClient();
        _clientB = _b.CreateClient();
        await _a.WaitUntilMigratedAsync();
        await _b.WaitUntilMigratedAsync();
    }

    [Fact]
    public async Task A_refresh_on_one_replica_is_served_by_the_other_within_a_second_and_redis_keeps_the_key()
    {
        await _clientA.PostAsync("/overview/refresh", null);
        var before = await TotalAsync(_clientB); // B now holds its own copy
        await InsertTicketBySqlAsync("replica-1"); // no triage, so no triage event: only the refresh tells B

        var refreshed = await (await _clientA.PostAsync("/overview/refresh", null)).Content.ReadFromJsonAsync<OverviewResponse>(TicketSenseJson.Options);
        var clock = Stopwatch.StartNew();
        while (await TotalAsync(_clientB) != before + 1)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "Replica B served an overview older than A's refresh for over a second.");
            await Task.Delay(20);
        }

        Assert.Equal(before + 1, refreshed!.TotalTickets);
        var stored = await _storage.RedisDatabase.StringGetWithExpiryAsync(RedisKeys.Overview);
        Assert.Equal(before + 1, JsonSerializer.Deserialize<OverviewResponse>(stored.Value.ToString(), TicketSenseJson.Options)!.TotalTickets);
        Assert.InRange(stored.Expiry!.Value, TimeSpan.FromHours(24) - TimeSpan.FromSeconds(10), TimeSpan.FromHours(24));
    }

    private static async Task<int> TotalAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<OverviewResponse>("/overview", TicketSenseJson.Options))!.TotalTickets;

    private async Task InsertTicketBySqlAsync(string id)
    {
        await using var scope = _storage.Scope();
        await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Database.ExecuteSqlAsync(
            $"INSERT INTO tickets (id, sender, subject, body, received_at) VALUES ({id}, 'a@example.com', 'Subject', 'Body', now())");
    }

    public async Task DisposeAsync()
    {
        _clientA.Dispose();
        _clientB.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
