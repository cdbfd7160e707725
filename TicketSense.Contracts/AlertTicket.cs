using System.Text.Json.Serialization;

namespace TicketSense.Contracts;

/// <summary>
/// The ticket in a webhook payload: its labels, summary, tags, confidence and arrival. What the customer wrote, and who
/// they are, only when the endpoint asks for it (<c>IncludeContent</c>); otherwise those fields are left out.
/// <see cref="ReceivedAt"/> is UTC (written with a <c>Z</c>).
/// </summary>
public sealed record AlertTicket(
    string Id,
    Priority Priority,
    Category Category,
    Sentiment Sentiment,
    string Summary,
    IReadOnlyList<string> Tags,
    TriageConfidence? Confidence,
    DateTime ReceivedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Sender = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Subject = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body = null);
