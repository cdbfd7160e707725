namespace TicketSense.Core.Triage;

/// <summary><c>Triage:Retry</c>: retries per model call, exponential from <see cref="BaseDelay"/> without jitter (1 s, 2 s, 4 s).</summary>
public sealed class TriageRetryOptions
{
    public int MaxRetries { get; set; } = 3;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
}
