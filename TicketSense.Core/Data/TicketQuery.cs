using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// A page of tickets to read: bounds, label filters, a case-insensitive subject search, and — with
/// <see cref="NeedsReviewBelow"/> — only the review queue: triages no human corrected whose least sure label is under it.
/// </summary>
public sealed record TicketQuery(
    int Limit = TicketQuery.DefaultLimit,
    int Offset = 0,
    Priority? Priority = null,
    Category? Category = null,
    Sentiment? Sentiment = null,
    string? SubjectContains = null,
    TicketOrder Order = TicketOrder.ReceivedAt,
    double? NeedsReviewBelow = null)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
}
