using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Core.Alerts;

/// <summary>
/// Watches first triages for incident spikes: <see cref="SpikeOptions.Threshold"/> tickets of one category sharing a
/// tag whose arrivals fit in one <see cref="SpikeOptions.Window"/> (around this ticket's: it may have been triaged after
/// later arrivals). Runs inside the triage's transaction, after its row is
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

        // Tickets are triaged in any order, so the window may lie before, around or after this ticket's arrival.
        var from = ticket.ReceivedAt - settings.Window;
        var to = ticket.ReceivedAt + settings.Window;
        var active = await db.IncidentSpikes
            .Where(s => s.Category == triage.Category && triage.Tags.Contains(s.Tag) && s.LastReceivedAt > from && s.FirstReceivedAt < to)
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
        var arrivals = await db.Database.SqlQuery<TagArrivals>($"""
            SELECT tag AS "Tag", array_agg(t.received_at ORDER BY t.received_at) AS "Arrivals"
            FROM tickets t
            JOIN ticket_triages tr ON tr.ticket_id = t.id
            CROSS JOIN LATERAL unnest(tr.tags) AS tag
            WHERE tr.category = {category} AND tag = ANY({tags}) AND t.received_at > {from} AND t.received_at < {to}
            GROUP BY tag
            """).ToListAsync(cancellationToken);
        // The tag most tickets share names the spike; a tie goes to the tag the ticket lists first.
        var busiest = arrivals
            .Select(a => (a.Tag, Window: DensestWindow.Of([.. a.Arrivals.Select(at => new DateTimeOffset(at, TimeSpan.Zero))], settings.Window)))
            .OrderByDescending(a => a.Window.Count).ThenBy(a => Array.IndexOf(tags, a.Tag))
            .FirstOrDefault();
        if (busiest.Window.Count < settings.Threshold) return null;

        var raised = new IncidentSpike
        {
            Category = triage.Category,
            Tag = busiest.Tag,
            TicketCount = busiest.Window.Count,
            FirstReceivedAt = busiest.Window.First,
            LastReceivedAt = busiest.Window.Last,
            DetectedAt = PostgresTime.Round(time.GetUtcNow()),
        };
        db.IncidentSpikes.Add(raised);
        await db.SaveChangesAsync(cancellationToken);
        return raised.ToResponse(raised.DetectedAt, settings.Window);
    }

    private sealed record TagArrivals(string Tag, DateTime[] Arrivals);
}
