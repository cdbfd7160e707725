using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

        Assert.Equal((SeedCount, 0, 0), (first.Loaded, first.Skipped, first.Invalid));
        Assert.Equal((0, SeedCount, 0), (second.Loaded, second.Skipped, second.Invalid));
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

    [Fact]
    public void Every_shipped_seed_ticket_passes_the_validator_of_POST_tickets()
    {
        var requests = TicketDataset.SeedBatchFiles(DataPath).SelectMany(TicketDataset.ReadRequests).ToList();

        Assert.Equal(SeedCount, requests.Count);
        Assert.All(requests, request =>
        {
            var (ticket, errors) = TicketRequestValidator.Validate(request);
            Assert.True(ticket is not null, $"{request?.Id}: {string.Join(", ", errors.Keys)}");
        });
    }

    [Fact]
    public async Task An_invalid_seed_ticket_is_logged_by_id_and_fields_only_counted_and_skipped()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        var file = Path.Combine(Path.GetTempPath(), $"seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            [
              {"id":"seed-ok-1","sender":"dana@example.com","subject":"Refund","body":"Please refund INV-7.","received_at":"2026-03-04T09:15:00Z"},
              {"id":"seed-bad-1","sender":"Dana Secret <dana@example.com>","subject":"Refund","body":"   ","received_at":"2026-03-04T09:15:00Z"},
              {"id":"seed-ok-2","sender":"lee@example.com","subject":"","body":"The export fails.","received_at":"2026-03-04T10:00:00+01:00"},
              {"id":"seed-bad-2","sender":"lee@example.com","subject":"Private subject text","body":"Private body text","received_at":"yesterday"}
            ]
            """);
        var logger = new RecordingLogger<SeedImporter>();
        SeedResult result;
        try
        {
            await using var scope = storage.Scope();
            result = await new SeedImporter(scope.ServiceProvider.GetRequiredService<TicketRepository>(), logger).ImportAsync(file, null, CancellationToken.None);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.Equal(new SeedResult(Loaded: 2, Skipped: 0, Files: 1, Invalid: 2), result);
        Assert.Equal(2, await StoredAsync(storage));
        var warnings = logger.Lines.Where(l => l.Level == LogLevel.Warning).Select(l => l.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains("seed-bad-1", warnings[0]);
        Assert.Contains("body, sender", warnings[0]);
        Assert.Contains("seed-bad-2", warnings[1]);
        Assert.Contains("received_at", warnings[1]);
        Assert.All(warnings, w => Assert.DoesNotMatch("Secret|Private|yesterday|example\\.com", w));
        Assert.Contains(logger.Lines, l => l.Message.Contains("2 invalid and skipped"));
    }
}
