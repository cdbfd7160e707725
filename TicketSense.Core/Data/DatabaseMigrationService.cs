using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace TicketSense.Core.Data;

/// <summary>
/// Migrates the database at start, retrying while Postgres is unreachable so the service starts anyway and becomes
/// ready (<see cref="DatabaseState.IsMigrated"/>) as soon as Postgres answers.
/// </summary>
public sealed class DatabaseMigrationService(
    IServiceScopeFactory scopes, DatabaseState state, ILogger<DatabaseMigrationService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<TicketsDbContext>(), stoppingToken);
                state.MarkMigrated();
                logger.LogInformation("Database migrated (attempt {Attempt})", attempt);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Database not migrated yet (attempt {Attempt}): {Reason}; retrying in {Delay}", attempt, ex.Message, RetryDelay);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
