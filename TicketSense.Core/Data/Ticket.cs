using TicketSense.Core.Privacy;

namespace TicketSense.Core.Data;

/// <summary>
/// A row of <c>tickets</c>. Immutable once written; <see cref="CreatedAt"/> is set by the database. What the customer
/// wrote, and who they are, is <see cref="CustomerContentAttribute">customer content</see>: erased from any log.
/// </summary>
public sealed class Ticket
{
    public required string Id { get; init; }
    [CustomerContent]
    public required string Sender { get; init; }
    [CustomerContent]
    public required string Subject { get; init; }
    [CustomerContent]
    public required string Body { get; init; }

    /// <summary>When the customer sent it, always in UTC (Npgsql refuses any other offset for timestamptz).</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the API key it was submitted with; null for the seed import, bulk loads and an API without keys.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>How it came in; a bulk load unless the API's intake says otherwise.</summary>
    public TicketOrigin Origin { get; init; } = TicketOrigin.Import;
}
