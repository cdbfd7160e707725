namespace TicketSense.Core.Triage;

/// <summary>Every model tier failed: each inner exception says how (an HTTP error after retries, a timeout, an open circuit, a refused answer).</summary>
public sealed class ModelFallbackException(IReadOnlyList<Exception> failures)
    : AggregateException($"All {failures.Count} model tiers failed: {string.Join(" | ", failures.Select(ModelFailureReason.Of))}", failures);
