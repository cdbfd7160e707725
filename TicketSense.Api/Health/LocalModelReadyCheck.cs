using Microsoft.Extensions.Diagnostics.HealthChecks;
using TicketSense.Core.Triage.Local;

namespace TicketSense.Api.Health;

/// <summary>Ready when the embedded local model — the last tier, so every ticket gets a triage — is loaded.</summary>
public sealed class LocalModelReadyCheck(LocalTriageModelProvider model) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(model.IsReady
            ? HealthCheckResult.Healthy("Local model: loaded.")
            : HealthCheckResult.Unhealthy($"Local model: {model.Status}."));
}
