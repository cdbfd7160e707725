using Microsoft.Extensions.Options;
using TicketSense.Core.Data;

namespace TicketSense.Worker.Seeding;

/// <summary>At start, when <c>Seed:Path</c> is set, loads the seed tickets (idempotently), then opens the <see cref="SeedGate"/>.</summary>
public sealed class SeedLoaderService(
    IServiceScopeFactory scopes,
    IOptions<SeedOptions> options,
    DatabaseState database,
    SeedGate gate,
    ILogger<SeedLoaderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.Path is not { Length: > 0 } path) return;
            await database.WaitUntilMigratedAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    using var activity = WorkerTelemetry.Source.StartActivity("seed import");
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(path, null, stoppingToken);
                    return;
                }
                catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
                {
                    logger.LogWarning("Seed load failed, retrying in 2 s: {Reason}", ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
        }
        finally
        {
            gate.Open();
        }
    }
}
