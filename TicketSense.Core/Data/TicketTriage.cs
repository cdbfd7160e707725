using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// A row of <c>ticket_triages</c>: a ticket's current triage, one per ticket. Its fields come from the latest model
/// answer, except those a human set (<see cref="HumanFields"/>), which only another correction changes.
/// </summary>
public sealed class TicketTriage
{
    public required string TicketId { get; init; }
    public required Priority Priority { get; set; }
    public required Category Category { get; set; }
    public required Sentiment Sentiment { get; set; }
    public required string Summary { get; set; }
    public required List<string> Tags { get; set; }
    public required string Model { get; set; }
    public required TriageSource Source { get; set; }
    public required string PromptVersion { get; set; }
    public required int Attempts { get; set; }
    public required int LatencyMs { get; set; }
    public required DateTimeOffset TriagedAt { get; set; }

    /// <summary>Null for a label whose confidence is unknown (a triage recorded before confidence existed).</summary>
    public double? ConfidencePriority { get; set; }
    public double? ConfidenceCategory { get; set; }
    public double? ConfidenceSentiment { get; set; }

    /// <summary>The wire names (<see cref="TriageFields"/>) of the fields a human set.</summary>
    public List<string> HumanFields { get; set; } = [];
    public string? Reviewer { get; set; }
    public DateTimeOffset? CorrectedAt { get; set; }

    /// <summary>A human labelled this ticket before any model did: the backlog still owes it a summary and tags.</summary>
    public bool AwaitingModel { get; set; }

    public TriageOutput ToOutput() => new(Priority, Category, Sentiment, Summary, Tags);

    public TriageMeta ToMeta() => new(Source, Model, PromptVersion, Attempts, TriagedAt, ToConfidence(), Reviewer, CorrectedAt);

    public TriageConfidence? ToConfidence() => ConfidenceColumns.Read(ConfidencePriority, ConfidenceCategory, ConfidenceSentiment);

    public bool IsHuman(string field) => HumanFields.Contains(field);

    /// <summary>
    /// This row after a model's <paramref name="answer"/>: the model's fields and metadata, except that every field a
    /// human set keeps its value and its confidence of 1. A machine never silently replaces a human.
    /// </summary>
    public TicketTriage WithModelAnswer(TicketTriage answer) => new()
    {
        TicketId = TicketId,
        Priority = IsHuman(TriageFields.Priority) ? Priority : answer.Priority,
        Category = IsHuman(TriageFields.Category) ? Category : answer.Category,
        Sentiment = IsHuman(TriageFields.Sentiment) ? Sentiment : answer.Sentiment,
        Summary = IsHuman(TriageFields.Summary) ? Summary : answer.Summary,
        Tags = IsHuman(TriageFields.Tags) ? Tags : answer.Tags,
        Model = answer.Model,
        Source = HumanFields.Count > 0 ? TriageSource.Human : answer.Source,
        PromptVersion = answer.PromptVersion,
        Attempts = answer.Attempts,
        LatencyMs = answer.LatencyMs,
        TriagedAt = answer.TriagedAt,
        ConfidencePriority = IsHuman(TriageFields.Priority) ? 1 : answer.ConfidencePriority,
        ConfidenceCategory = IsHuman(TriageFields.Category) ? 1 : answer.ConfidenceCategory,
        ConfidenceSentiment = IsHuman(TriageFields.Sentiment) ? 1 : answer.ConfidenceSentiment,
        HumanFields = HumanFields,
        Reviewer = Reviewer,
        CorrectedAt = CorrectedAt,
        AwaitingModel = false,
    };

    /// <summary>This row with <paramref name="correction"/> applied: the fields it names become human, the rest stay.</summary>
    public TicketTriage WithCorrection(TriageCorrection correction, DateTimeOffset at) => new()
    {
        TicketId = TicketId,
        Priority = correction.Priority ?? Priority,
        Category = correction.Category ?? Category,
        Sentiment = correction.Sentiment ?? Sentiment,
        Summary = correction.Summary ?? Summary,
        Tags = correction.Tags is { } tags ? [.. tags] : Tags,
        Model = Model,
        Source = TriageSource.Human,
        PromptVersion = PromptVersion,
        Attempts = Attempts,
        LatencyMs = LatencyMs,
        TriagedAt = TriagedAt,
        ConfidencePriority = correction.Priority is null ? ConfidencePriority : 1,
        ConfidenceCategory = correction.Category is null ? ConfidenceCategory : 1,
        ConfidenceSentiment = correction.Sentiment is null ? ConfidenceSentiment : 1,
        HumanFields = [.. TriageFields.All.Where(f => IsHuman(f) || correction.Names(f))],
        Reviewer = correction.Reviewer,
        CorrectedAt = at,
        AwaitingModel = AwaitingModel,
    };

    /// <summary>
    /// The first triage of a pending ticket, given by a human who named all three labels: no summary or tags (unless
    /// given) until the backlog's model supplies them, which <see cref="AwaitingModel"/> asks for.
    /// </summary>
    public static TicketTriage FromCorrection(string ticketId, TriageCorrection correction, DateTimeOffset at)
    {
        if (correction is not { Priority: { } priority, Category: { } category, Sentiment: { } sentiment })
        {
            throw new ArgumentException("The correction of a ticket without a triage names all three labels.", nameof(correction));
        }
        return new TicketTriage
        {
            TicketId = ticketId,
            Priority = priority,
            Category = category,
            Sentiment = sentiment,
            Summary = "",
            Tags = [],
            Model = "",
            Source = TriageSource.Human,
            PromptVersion = "",
            Attempts = 0,
            LatencyMs = 0,
            TriagedAt = at,
            AwaitingModel = true,
        }.WithCorrection(correction, at);
    }
}
