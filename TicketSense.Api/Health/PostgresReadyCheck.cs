using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using TicketSense.Core.Data;

namespace TicketSense.Api.Health;

/// <summary>Ready when this process has migrated the database and Postgres answers a query.</summary>
public sealed class PostgresReadyCheck(DatabaseState state, NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!state.IsMigrated) return HealthCheckResult.Unhealthy("Postgres: migrations not applied yet.");
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("Postgres: migrated and answering.");
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"Postgres: unreachable ({ex.Message}).");
        }
    }
}
