using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketSense.Core.Data;
using TicketSense.Worker.Commands;

namespace TicketSense.Tests.Integration.Worker;

/// <summary>The one-shot commands as the command line runs them, with the storage named by settings on that command line.</summary>
public sealed class WorkerCommandsTests
{
    [Fact]
    public async Task Seed_then_refresh_overview_with_the_connection_strings_as_settings()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        string[] settings = [$"--ConnectionStrings:tickets={storage.TicketsConnectionString}", $"--ConnectionStrings:cache={storage.CacheConnectionString}"];

        Assert.Equal(0, await WorkerCommandLine.InvokeAsync(["seed", .. settings]));
        Assert.Equal(0, await WorkerCommandLine.InvokeAsync([.. settings, "refresh-overview"]));

        await using var scope = storage.Scope();
        Assert.Equal(SeedImporter.Count(DataPath.Resolve(null)), await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.CountAsync());
        Assert.True(await storage.RedisDatabase.KeyExistsAsync(RedisKeys.Overview));
    }

    [Fact]
    public async Task Seed_says_how_many_tickets_it_skipped_as_invalid()
    {
        await using var storage = new StorageFixture();
        await storage.InitializeAsync();
        var folder = Directory.CreateTempSubdirectory("ticketsense-tests-seed-");
        await File.WriteAllTextAsync(Path.Combine(folder.FullName, "batch_1.json"), """
            [
              {"id": "ok-1", "sender": "a@example.com", "subject": "Fine", "body": "A valid ticket.", "received_at": "2026-01-01T00:00:00Z"},
              {"id": "bad-1", "sender": "not an email", "subject": "Bad", "body": "Its sender is invalid.", "received_at": "2026-01-01T00:00:00Z"}
            ]
            """);
        using var output = new StringWriter();
        try
        {
            Assert.Equal(0, await WorkerCommandLine.InvokeAsync(
                ["seed", folder.FullName, $"--ConnectionStrings:tickets={storage.TicketsConnectionString}", $"--ConnectionStrings:cache={storage.CacheConnectionString}"],
                new InvocationConfiguration { Output = output }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.Contains("1 tickets loaded, 0 already present, 1 invalid and skipped", output.ToString());
    }

    [Fact]
    public async Task Postgres_out_of_reach_exits_1() =>
        Assert.Equal(1, await WorkerCommandLine.InvokeAsync(
            ["refresh-overview", "--ConnectionStrings:tickets", "Host=127.0.0.1;Port=1;Database=tickets;Username=none", "--ConnectionStrings:cache=127.0.0.1:1"]));
}
