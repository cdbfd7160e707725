namespace TicketSense.Core.Triage;

/// <summary><c>Triage:Timeouts</c>: per HTTP attempt, per model call in total (all retries), and the circuit breaker's sampling window.</summary>
public sealed class TriageTimeoutOptions
{
    public TimeSpan Attempt { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan Total { get; set; } = TimeSpan.FromSeconds(180);

    /// <summary>The standard handler's validation requires at least twice <see cref="Attempt"/>.</summary>
    public TimeSpan CircuitBreakerSampling { get; set; } = TimeSpan.FromSeconds(120);
}
