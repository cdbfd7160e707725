using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Overview;

/// <summary>
/// Tickets per bucket of a <see cref="TrendWindow"/> by <c>received_at</c>: one aggregate statement (the bucket and
/// each label as grouping sets over <c>tickets</c> left-joined to <c>ticket_triages</c>), kept in memory for
/// <see cref="CacheFor"/> per normalised window so a busy dashboard asks Postgres at most that often.
/// </summary>
public sealed class TrendQuery(TicketsDbContext db, IMemoryCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);

    public async Task<TrendsResponse> GetAsync(TrendWindow window, CancellationToken cancellationToken) =>
        (await cache.GetOrCreateAsync(window, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return ComputeAsync(window, cancellationToken);
        }))!;

    /// <summary>
    /// Every point of <paramref name="window"/>, empty buckets with zeros. <c>total</c> counts every ticket, the
    /// <c>by_*</c> maps those with a triage record, as the overview does. Postgres's <c>date_trunc('week')</c> starts
    /// on Monday, and <c>AT TIME ZONE 'UTC'</c> aligns buckets to UTC whatever the session's zone.
    /// </summary>
    public async Task<TrendsResponse> ComputeAsync(TrendWindow window, CancellationToken cancellationToken)
    {
        var unit = WireNames.Of(window.Bucket);
        var rows = await db.Database.SqlQuery<TrendCount>($"""
            SELECT bucket AS "Start",
                   CASE WHEN GROUPING(priority) = 0 THEN 'priority'
                        WHEN GROUPING(category) = 0 THEN 'category'
                        WHEN GROUPING(sentiment) = 0 THEN 'sentiment'
                        ELSE 'total' END AS "Dimension",
                   COALESCE(priority, category, sentiment) AS "Value",
                   count(*) AS "Count"
            FROM (SELECT date_trunc({unit}, t.received_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
                         tt.priority, tt.category, tt.sentiment
                  FROM tickets t LEFT JOIN ticket_triages tt ON tt.ticket_id = t.id
                  WHERE t.received_at >= {window.From} AND t.received_at < {window.To}) AS received
            GROUP BY GROUPING SETS ((bucket), (bucket, priority), (bucket, category), (bucket, sentiment))
            """).ToListAsync(cancellationToken);

        var byStart = rows.ToLookup(r => r.Start.ToUniversalTime());
        var points = window.Starts().Select(start => Point(start, byStart[start])).ToList();
        return new TrendsResponse(window.Bucket, window.From, window.To, points);
    }

    private static TrendPoint Point(DateTime start, IEnumerable<TrendCount> rows)
    {
        // A pending ticket has no labels: its rows in the label sets have a null value and count toward total only.
        var labelled = rows.Where(r => r.Value is not null).ToList();
        return new TrendPoint(
            start,
            (int)rows.Where(r => r.Dimension == "total").Sum(r => r.Count),
            Counts<Priority>(labelled, "priority"),
            Counts<Category>(labelled, "category"),
            Counts<Sentiment>(labelled, "sentiment"));
    }

    private static Dictionary<TEnum, int> Counts<TEnum>(IEnumerable<TrendCount> rows, string dimension) where TEnum : struct, Enum =>
        LabelCounts.Of<TEnum>(rows.Where(r => r.Dimension == dimension).Select(r => (r.Value!, r.Count)));

    private sealed record TrendCount(DateTime Start, string Dimension, string? Value, long Count);
}
