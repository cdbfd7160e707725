using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>A row of <c>ticket_triages</c>: the durable record of a ticket's triage and which model said it. One per ticket.</summary>
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

    public TriageOutput ToOutput() => new(Priority, Category, Sentiment, Summary, Tags);

    public TriageMeta ToMeta() => new(Source, Model, PromptVersion, Attempts, TriagedAt);
}
