using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// <c>confidence_priority</c>, <c>_category</c>, <c>_sentiment</c>: nullable each, because triages recorded before
/// confidence existed have none. A confidence is only reported whole.
/// </summary>
public static class ConfidenceColumns
{
    public static TriageConfidence? Read(double? priority, double? category, double? sentiment) =>
        priority is { } p && category is { } c && sentiment is { } s ? new TriageConfidence(p, c, s) : null;
}
