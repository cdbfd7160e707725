namespace TicketSense.Contracts;

/// <summary>
/// Tickets per bucket by <c>received_at</c> in <c>[From, To)</c>: one point per bucket, empty ones included.
/// <see cref="From"/> and <see cref="To"/> are the normalised window (UTC, written with <c>Z</c>): <see cref="From"/>
/// floored to its bucket's start; the last point may end at <see cref="To"/> before its bucket does.
/// </summary>
public sealed record TrendsResponse(TrendBucket Bucket, DateTime From, DateTime To, IReadOnlyList<TrendPoint> Points);
