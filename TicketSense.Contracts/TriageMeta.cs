namespace TicketSense.Contracts;

/// <summary>Who triaged a ticket and how: the model, the pipeline tier, the prompt version and the HTTP attempts it took.</summary>
public sealed record TriageMeta(
    TriageSource Source,
    string Model,
    string PromptVersion,
    int Attempts,
    DateTimeOffset TriagedAt);
