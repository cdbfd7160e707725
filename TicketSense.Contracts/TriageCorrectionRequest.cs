namespace TicketSense.Contracts;

/// <summary>
/// The body of <c>PATCH /tickets/{id}/triage</c>: any of the five triage fields (at least one), who corrects, and why.
/// Labels are text so that validation, not the JSON reader, names a value outside the schema.
/// </summary>
public sealed record TriageCorrectionRequest(
    string? Priority,
    string? Category,
    string? Sentiment,
    string? Summary,
    IReadOnlyList<string>? Tags,
    string? Reviewer,
    string? Note);
