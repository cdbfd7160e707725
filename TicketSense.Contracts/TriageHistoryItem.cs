namespace TicketSense.Contracts;

/// <summary>
/// One triage a ticket had: a model's answer as it gave it (<see cref="Reviewer"/> null), or the whole triage right
/// after a human's correction (<see cref="Source"/> <c>human</c>). <see cref="Confidence"/> is null when unknown;
/// <see cref="Actor"/> names the API key of the request that caused it (null for the Worker and an API without keys).
/// </summary>
public sealed record TriageHistoryItem(
    TriageSource Source,
    string Model,
    string? Reviewer,
    string? Note,
    TriageOutput Triage,
    TriageConfidence? Confidence,
    DateTimeOffset At,
    string? Actor = null);
