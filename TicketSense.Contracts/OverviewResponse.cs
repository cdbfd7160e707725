namespace TicketSense.Contracts;

/// <summary>
/// The dashboard's main read, cached under <c>triage:overview</c>. The <c>by_*</c> maps count triaged tickets and hold
/// every enum value, 0 when none; <see cref="Pending"/> counts tickets without a triage, <see cref="NeedsReview"/> the
/// review queue (triages no human corrected whose least sure label is under <c>Triage:ReviewThreshold</c>).
/// </summary>
public sealed record OverviewResponse(
    int TotalTickets,
    int Pending,
    IReadOnlyDictionary<Priority, int> ByPriority,
    IReadOnlyDictionary<Category, int> ByCategory,
    IReadOnlyDictionary<Sentiment, int> BySentiment,
    int NeedsReview = 0);
