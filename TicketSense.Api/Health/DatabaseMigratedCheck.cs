using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketSense.Core.Data;

namespace TicketSense.Api.Health;

/// <summary>
/// Ready once this process has migrated the database. The Postgres integration's own check only says Postgres answers;
/// until the schema is there, every ticket request would fail.
/// </summary>
public sealed class DatabaseMigratedCheck(DatabaseState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.IsMigrated
            ? HealthCheckResult.Healthy("Database: migrated.")
            : HealthCheckResult.Unhealthy("Database: migrations not applied yet."));
}
