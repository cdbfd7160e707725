using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Core.Overview;

/// <summary>
/// The dashboard's overview: computed from Postgres by one aggregate query, kept in Redis (<c>triage:overview</c>,
/// 24 h) and in this replica's <see cref="OverviewCopy"/>, so the main read touches no store. When Redis is down the
/// overview is computed on every read.
/// </summary>
public sealed class OverviewService(TicketsDbContext db, OverviewStore store, OverviewCopy copy, OverviewEvents events, IOptions<TriageOptions> triage)
{
    /// <summary>The in-process copy; on a miss the Redis key (kept as the copy), else a fresh overview, stored for the next reader.</summary>
    public async Task<OverviewSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (copy.Current is { } current) return current;
        if (await store.GetAsync(cancellationToken) is { } stored)
        {
            var snapshot = OverviewSnapshot.Of(stored);
            copy.Set(snapshot);
            return snapshot;
        }
        return await RefreshSnapshotAsync(cancellationToken);
    }

    /// <summary>Recomputes the overview from Postgres, stores it, keeps it as the copy and announces it to the other replicas.</summary>
    public async Task<OverviewResponse> RefreshAsync(CancellationToken cancellationToken) =>
        (await RefreshSnapshotAsync(cancellationToken)).Overview;

    private async Task<OverviewSnapshot> RefreshSnapshotAsync(CancellationToken cancellationToken)
    {
        var snapshot = OverviewSnapshot.Of(await ComputeAsync(cancellationToken));
        if (await store.SetAsync(snapshot.Overview, cancellationToken))
        {
            copy.Set(snapshot);
            await events.PublishRefreshedAsync(snapshot.Json);
        }
        return snapshot;
    }

    /// <summary>One statement, so every number comes from the same snapshot.</summary>
    public async Task<OverviewResponse> ComputeAsync(CancellationToken cancellationToken)
    {
        var threshold = triage.Value.ReviewThreshold;
        var rows = await db.Database.SqlQuery<OverviewCount>($"""
            SELECT 'total' AS "Dimension", '' AS "Value", count(*) AS "Count" FROM tickets
            UNION ALL SELECT 'priority', priority, count(*) FROM ticket_triages GROUP BY priority
            UNION ALL SELECT 'category', category, count(*) FROM ticket_triages GROUP BY category
            UNION ALL SELECT 'sentiment', sentiment, count(*) FROM ticket_triages GROUP BY sentiment
            UNION ALL SELECT 'needs_review', '', count(*) FROM ticket_triages
                WHERE cardinality(human_fields) = 0
                  AND (confidence_priority < {threshold} OR confidence_category < {threshold} OR confidence_sentiment < {threshold})
            """).ToListAsync(cancellationToken);

        var total = (int)rows.Where(r => r.Dimension == "total").Sum(r => r.Count);
        var byPriority = Counts<Priority>(rows, "priority");
        return new OverviewResponse(
            total,
            total - byPriority.Values.Sum(),
            byPriority,
            Counts<Category>(rows, "category"),
            Counts<Sentiment>(rows, "sentiment"),
            (int)rows.Where(r => r.Dimension == "needs_review").Sum(r => r.Count));
    }

    private static Dictionary<TEnum, int> Counts<TEnum>(IEnumerable<OverviewCount> rows, string dimension) where TEnum : struct, Enum =>
        LabelCounts.Of<TEnum>(rows.Where(r => r.Dimension == dimension).Select(r => (r.Value, r.Count)));

    private sealed record OverviewCount(string Dimension, string Value, long Count);
}
