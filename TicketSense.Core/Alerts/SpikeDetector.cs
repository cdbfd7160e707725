using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// Watches first triages for incident spikes: <see cref="SpikeOptions.Threshold"/> tickets of one category sharing a
/// tag that arrived within <see cref="SpikeOptions.Window"/>. Runs inside the triage's transaction, after its row is
/// written, under a lock per category held to the commit: two replicas triaging the ninth and the tenth ticket at once
/// take turns, so the second counts the first and exactly one of them raises the spike. A ticket that matches an active
/// spike extends it instead of raising another, so a spike is raised (and alerted) once however long it lasts.
/// </summary>
public sealed class SpikeDetector(TicketsDbContext db, IOptions<SpikeOptions> options, TimeProvider time)
{
    /// <summary>The spike <paramref name="ticket"/> raised, or null when it raised none.</summary>
    public async Task<SpikeResponse?> ObserveAsync(Ticket ticket, TicketTriage triage, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Watches(triage.Category) || triage.Tags.Count == 0) return null;

        var category = WireNames.Of(triage.Category);
        var lockKey = "incident-spike:" + category;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({lockKey}))", cancellationToken);

        var windowStart = ticket.ReceivedAt - settings.Window;
        var active = await db.IncidentSpikes
            .Where(s => s.Category == triage.Category && triage.Tags.Contains(s.Tag) && s.LastReceivedAt > windowStart)
            .ToListAsync(cancellationToken);
        if (active.Count > 0)
        {
            foreach (var spike in active)
            {
                spike.TicketCount++;
                if (ticket.ReceivedAt > spike.LastReceivedAt) spike.LastReceivedAt = ticket.ReceivedAt;
            }
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }

        var tags = triage.Tags.ToArray();
        var busiest = await db.Database.SqlQuery<TagCount>($"""
            SELECT tag AS "Tag", count(*)::int AS "Count", min(t.received_at) AS "FirstReceivedAt"
            FROM tickets t
            JOIN ticket_triages tr ON tr.ticket_id = t.id
            CROSS JOIN LATERAL unnest(tr.tags) AS tag
            WHERE tr.category = {category} AND tag = ANY({tags})
              AND t.received_at > {windowStart} AND t.received_at <= {ticket.ReceivedAt}
            GROUP BY tag
            ORDER BY count(*) DESC, array_position({tags}, tag)
            LIMIT 1
            """).SingleOrDefaultAsync(cancellationToken);
        if (busiest is null || busiest.Count < settings.Threshold) return null;

        var raised = new IncidentSpike
        {
            Category = triage.Category,
            Tag = busiest.Tag,
            TicketCount = busiest.Count,
            FirstReceivedAt = busiest.FirstReceivedAt,
            LastReceivedAt = ticket.ReceivedAt,
            DetectedAt = PostgresTime.Round(time.GetUtcNow()),
        };
        db.IncidentSpikes.Add(raised);
        await db.SaveChangesAsync(cancellationToken);
        return raised.ToResponse(raised.DetectedAt, settings.Window);
    }

    private sealed record TagCount(string Tag, int Count, DateTimeOffset FirstReceivedAt);
}
