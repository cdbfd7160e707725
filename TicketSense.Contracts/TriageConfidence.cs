using System.Text.Json.Serialization;

namespace TicketSense.Contracts;

/// <summary>
/// How sure the triage is of each label, 0–1: the local model's class probability; for an LLM answer the local model's
/// second opinion on the LLM's label (README, "Confidence"); 1 for a label a human set.
/// </summary>
public sealed record TriageConfidence(double Priority, double Category, double Sentiment)
{
    /// <summary>A human's labels.</summary>
    public static TriageConfidence Certain { get; } = new(1, 1, 1);

    /// <summary>The least sure of the three labels: what the review queue sorts and filters by. Not on the wire.</summary>
    [JsonIgnore]
    public double Lowest => Math.Min(Priority, Math.Min(Category, Sentiment));
}
