namespace TicketSense.Contracts;

/// <summary>
/// One triage a ticket had: a model's answer as it gave it (<see cref="Reviewer"/> null), or the whole triage right
/// after a human's correction (<see cref="Source"/> <c>human</c>). <see cref="Confidence"/> is null when unknown.
/// </summary>
public sealed record TriageHistoryItem(
    TriageSource Source,
    string Model,
    string? Reviewer,
    string? Note,
    TriageOutput Triage,
    TriageConfidence? Confidence,
    DateTimeOffset At);
