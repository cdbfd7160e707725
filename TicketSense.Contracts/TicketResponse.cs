namespace TicketSense.Contracts;

/// <summary>
/// A stored ticket with its triage; <see cref="Triage"/> and <see cref="TriageMeta"/> are null while it is pending.
/// <see cref="CreatedBy"/> names the API key it was submitted with (null without keys, and for imported tickets).
/// </summary>
public sealed record TicketResponse(
    string Id,
    string Sender,
    string Subject,
    string Body,
    DateTimeOffset ReceivedAt,
    DateTimeOffset CreatedAt,
    TriageOutput? Triage,
    TriageMeta? TriageMeta,
    string? CreatedBy = null);
