namespace TicketSense.Contracts;

/// <summary>
/// Who triaged a ticket and how: the source (a pipeline tier, or <c>human</c> once corrected), the model, the prompt
/// version, the HTTP attempts it took, how sure it is of each label, and who corrected it when.
/// </summary>
public sealed record TriageMeta(
    TriageSource Source,
    string Model,
    string PromptVersion,
    int Attempts,
    DateTimeOffset TriagedAt,
    TriageConfidence? Confidence = null,
    string? Reviewer = null,
    DateTimeOffset? CorrectedAt = null);
