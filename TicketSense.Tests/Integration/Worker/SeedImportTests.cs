using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.Integration.Worker;

/// <summary>Each test seeds storage of its own: what it counts is what it loaded.</summary>
public sealed class SeedImportTests
{
    private static string DataPath => Core.Data.DataPath.Resolve(null);

    private static int SeedCount => SeedImporter.Count(DataPath);

    private static async Task<SeedResult> ImportAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(DataPath, null, CancellationToken.None);
    }

    private static async Task<int> StoredAsync(StorageFixture storage)
    {
        await using var scope = storage.Scope();
        return await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.CountAsync();
    }

    [Fact]
    public async Task Seeding_twice_loads_every_ticket_once_then_none()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();

        var first = await ImportAsync(storage);
        var second = await ImportAsync(storage);

        Assert.Equal((SeedCount, 0), (first.Loaded, first.Skipped));
        Assert.Equal((0, SeedCount), (second.Loaded, second.Skipped));
        Assert.Equal(SeedCount, await StoredAsync(storage));
    }

    [Fact]
    public async Task Replicas_seeding_at_once_store_each_ticket_once()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => ImportAsync(storage))));

        Assert.Equal(SeedCount, await StoredAsync(storage));
        Assert.Equal(SeedCount, results.Sum(r => r.Loaded));
        Assert.Equal(2 * SeedCount, results.Sum(r => r.Skipped));
    }
}
