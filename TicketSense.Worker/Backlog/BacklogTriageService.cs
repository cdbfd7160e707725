using Microsoft.Extensions.Options;
using Npgsql;
using TicketSense.Core.Data;
using TicketSense.Worker.Seeding;

namespace TicketSense.Worker.Backlog;

/// <summary>
/// Keeps every ticket triaged: drains the backlog whenever Postgres announces a new ticket (<c>tickets_created</c>)
/// and at least every <c>Worker:SweepSeconds</c>, in case an announcement was missed or a lease expired.
/// </summary>
public sealed class BacklogTriageService(
    BacklogTriager triager,
    NpgsqlDataSource dataSource,
    DatabaseState database,
    SeedGate seed,
    IOptions<WorkerOptions> options,
    ILogger<BacklogTriageService> logger) : BackgroundService
{
    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await database.WaitUntilMigratedAsync(stoppingToken);
        await seed.WaitAsync(stoppingToken);
        _ = ListenAsync(stoppingToken);

        var sweep = TimeSpan.FromSeconds(options.Value.SweepSeconds);
        logger.LogInformation("Backlog triage started as {WorkerId}", triager.WorkerId);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var result = await triager.DrainAsync(null, stoppingToken);
                if (result.Triaged + result.Failed > 0)
                {
                    logger.LogInformation("Backlog pass: {Triaged} triaged, {Failed} failed", result.Triaged, result.Failed);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Backlog pass failed, retrying at the next wake-up: {Reason}", ex.Message);
            }
            await _wake.WaitAsync(sweep, stoppingToken);
            while (_wake.CurrentCount > 0) await _wake.WaitAsync(stoppingToken); // one pass covers every wake-up so far
        }
    }

    /// <summary>LISTENs on <c>tickets_created</c> on a connection of its own, reconnecting while Postgres is down.</summary>
    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => _wake.Release();
                await using (var listen = new NpgsqlCommand($"LISTEN {TicketsDbContext.TicketsCreatedChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _wake.Release(); // tickets may have arrived while we were not listening
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Listening for new tickets failed, reconnecting in 2 s (the sweep still runs): {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }
}
