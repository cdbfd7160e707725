using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// A row of <c>ticket_triage_history</c>: one triage a ticket had — a model's answer as it gave it, or the full triage
/// right after a human's correction. Never updated.
/// </summary>
public sealed class TriageHistoryRecord
{
    public long Id { get; init; }
    public required string TicketId { get; init; }
    public required TriageSource Source { get; init; }
    public required string Model { get; init; }
    public string? Reviewer { get; init; }
    public string? Note { get; init; }
    public required Priority Priority { get; init; }
    public required Category Category { get; init; }
    public required Sentiment Sentiment { get; init; }
    public required string Summary { get; init; }
    public required List<string> Tags { get; init; }
    public double? ConfidencePriority { get; init; }
    public double? ConfidenceCategory { get; init; }
    public double? ConfidenceSentiment { get; init; }
    public required DateTimeOffset At { get; init; }

    /// <summary>The API key name of the request that caused it; null for the Worker and an API without keys.</summary>
    public string? Actor { get; init; }

    /// <summary>What a model answered, before any human field is laid over it.</summary>
    public static TriageHistoryRecord OfModelAnswer(TicketTriage answer, string? actor) => Of(answer, reviewer: null, note: null, answer.TriagedAt, actor);

    /// <summary>The whole triage right after a correction, with who made it and why.</summary>
    public static TriageHistoryRecord OfCorrection(TicketTriage corrected, string? note, string? actor) =>
        Of(corrected, corrected.Reviewer, note, corrected.CorrectedAt ?? corrected.TriagedAt, actor);

    public TriageHistoryItem ToItem() => new(
        Source,
        Model,
        Reviewer,
        Note,
        new TriageOutput(Priority, Category, Sentiment, Summary, Tags),
        ConfidenceColumns.Read(ConfidencePriority, ConfidenceCategory, ConfidenceSentiment),
        At,
        Actor);

    private static TriageHistoryRecord Of(TicketTriage triage, string? reviewer, string? note, DateTimeOffset at, string? actor) => new()
    {
        TicketId = triage.TicketId,
        Source = triage.Source,
        Model = triage.Model,
        Reviewer = reviewer,
        Note = note,
        Priority = triage.Priority,
        Category = triage.Category,
        Sentiment = triage.Sentiment,
        Summary = triage.Summary,
        Tags = [.. triage.Tags],
        ConfidencePriority = triage.ConfidencePriority,
        ConfidenceCategory = triage.ConfidenceCategory,
        ConfidenceSentiment = triage.ConfidenceSentiment,
        At = at,
        Actor = actor,
    };
}
