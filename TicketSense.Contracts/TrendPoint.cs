namespace TicketSense.Contracts;

/// <summary>
/// One bucket of <see cref="TrendsResponse"/>, starting at <see cref="Start"/> (UTC). <see cref="Total"/> counts every
/// ticket received in it; the <c>by_*</c> maps count the triaged ones and hold every label, 0 when none.
/// </summary>
public sealed record TrendPoint(
    DateTime Start,
    int Total,
    IReadOnlyDictionary<Priority, int> ByPriority,
    IReadOnlyDictionary<Category, int> ByCategory,
    IReadOnlyDictionary<Sentiment, int> BySentiment);
