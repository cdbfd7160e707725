using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// A valid correction: the fields a reviewer set (null = left as it is), who, and why. Summary and tags are
/// normalised as a model's would be.
/// </summary>
public sealed record TriageCorrection(
    Priority? Priority,
    Category? Category,
    Sentiment? Sentiment,
    string? Summary,
    IReadOnlyList<string>? Tags,
    string Reviewer,
    string? Note)
{
    /// <summary>Whether it names all three labels, as the correction of a ticket without a triage must.</summary>
    public bool NamesAllLabels => Priority is not null && Category is not null && Sentiment is not null;

    public bool Names(string field) => field switch
    {
        TriageFields.Priority => Priority is not null,
        TriageFields.Category => Category is not null,
        TriageFields.Sentiment => Sentiment is not null,
        TriageFields.Summary => Summary is not null,
        TriageFields.Tags => Tags is not null,
        _ => false,
    };
}
