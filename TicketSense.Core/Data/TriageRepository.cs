using Microsoft.EntityFrameworkCore;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>Reads and writes <c>ticket_triages</c>, the durable record: one row per ticket, replaced on re-triage.</summary>
public sealed class TriageRepository(TicketsDbContext db)
{
    /// <summary>Writes <paramref name="triage"/> as the ticket's one record, replacing any earlier one atomically.</summary>
    public async Task UpsertAsync(TicketTriage triage, CancellationToken cancellationToken)
    {
        string priority = WireNames.Of(triage.Priority), category = WireNames.Of(triage.Category),
            sentiment = WireNames.Of(triage.Sentiment), source = WireNames.Of(triage.Source);
        var tags = triage.Tags.ToArray();
        var triagedAt = triage.TriagedAt.ToUniversalTime();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ticket_triages
                (ticket_id, priority, category, sentiment, summary, tags, model, source, prompt_version, attempts, latency_ms, triaged_at)
            VALUES ({triage.TicketId}, {priority}, {category}, {sentiment}, {triage.Summary}, {tags}, {triage.Model},
                {source}, {triage.PromptVersion}, {triage.Attempts}, {triage.LatencyMs}, {triagedAt})
            ON CONFLICT (ticket_id) DO UPDATE SET
                priority = EXCLUDED.priority, category = EXCLUDED.category, sentiment = EXCLUDED.sentiment,
                summary = EXCLUDED.summary, tags = EXCLUDED.tags, model = EXCLUDED.model, source = EXCLUDED.source,
                prompt_version = EXCLUDED.prompt_version, attempts = EXCLUDED.attempts,
                latency_ms = EXCLUDED.latency_ms, triaged_at = EXCLUDED.triaged_at
            """, cancellationToken);
    }

    public Task<TicketTriage?> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        db.TicketTriages.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticketId, cancellationToken);
}
