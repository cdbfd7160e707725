namespace TicketSense.Contracts;

/// <summary>The labels of one ticket: what a model returns, what Redis caches under <c>triage:ticket:{id}</c>.</summary>
public sealed record TriageOutput(
    Priority Priority,
    Category Category,
    Sentiment Sentiment,
    string Summary,
    IReadOnlyList<string> Tags);
