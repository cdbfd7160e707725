namespace TicketSense.Core.Data;

/// <summary>The wire names of the triage fields a human can correct, as <c>ticket_triages.human_fields</c> lists them.</summary>
public static class TriageFields
{
    public const string Priority = "priority";
    public const string Category = "category";
    public const string Sentiment = "sentiment";
    public const string Summary = "summary";
    public const string Tags = "tags";

    /// <summary>In the order of TriageOutput, so a row's list always reads the same way.</summary>
    public static IReadOnlyList<string> All { get; } = [Priority, Category, Sentiment, Summary, Tags];
}
