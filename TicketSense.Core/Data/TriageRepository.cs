using Microsoft.EntityFrameworkCore;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;

namespace TicketSense.Core.Data;

/// <summary>
/// Reads and writes <c>ticket_triages</c> (the current triage, one row per ticket) and <c>ticket_triage_history</c>
/// (every triage and correction a ticket had).
/// </summary>
public sealed class TriageRepository(TicketsDbContext db, TriageAlerts alerts, TicketCounts counts)
{
    /// <summary>
    /// Starts a change of one ticket's triage: a transaction holding the ticket's row lock, with the ticket (null when
    /// there is no such ticket) and its current triage.
    /// </summary>
    public async Task<TriageWrite> BeginWriteAsync(string ticketId, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var ticket = await db.Tickets.FromSql($"SELECT * FROM tickets WHERE id = {ticketId} FOR UPDATE")
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            var current = ticket is null ? null : await GetAsync(ticketId, cancellationToken);
            return new TriageWrite(db, this, alerts, transaction, ticket, current);
        }
        catch
        {
            await transaction.DisposeAsync();
            throw;
        }
    }

    /// <summary>Writes <paramref name="triage"/> as the ticket's current triage, replacing any earlier one atomically.</summary>
    public async Task UpsertAsync(TicketTriage triage, CancellationToken cancellationToken)
    {
        string priority = WireNames.Of(triage.Priority), category = WireNames.Of(triage.Category),
            sentiment = WireNames.Of(triage.Sentiment), source = WireNames.Of(triage.Source);
        var tags = triage.Tags.ToArray();
        var humanFields = triage.HumanFields.ToArray();
        var triagedAt = triage.TriagedAt.ToUniversalTime();
        var correctedAt = triage.CorrectedAt?.ToUniversalTime();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO ticket_triages
                (ticket_id, priority, category, sentiment, summary, tags, model, source, prompt_version, attempts, latency_ms, triaged_at,
                 confidence_priority, confidence_category, confidence_sentiment, human_fields, reviewer, corrected_at, awaiting_model)
            VALUES ({triage.TicketId}, {priority}, {category}, {sentiment}, {triage.Summary}, {tags}, {triage.Model},
                {source}, {triage.PromptVersion}, {triage.Attempts}, {triage.LatencyMs}, {triagedAt},
                {triage.ConfidencePriority}, {triage.ConfidenceCategory}, {triage.ConfidenceSentiment}, {humanFields},
                {triage.Reviewer}, {correctedAt}, {triage.AwaitingModel})
            ON CONFLICT (ticket_id) DO UPDATE SET
                priority = EXCLUDED.priority, category = EXCLUDED.category, sentiment = EXCLUDED.sentiment,
                summary = EXCLUDED.summary, tags = EXCLUDED.tags, model = EXCLUDED.model, source = EXCLUDED.source,
                prompt_version = EXCLUDED.prompt_version, attempts = EXCLUDED.attempts,
                latency_ms = EXCLUDED.latency_ms, triaged_at = EXCLUDED.triaged_at,
                confidence_priority = EXCLUDED.confidence_priority, confidence_category = EXCLUDED.confidence_category,
                confidence_sentiment = EXCLUDED.confidence_sentiment, human_fields = EXCLUDED.human_fields,
                reviewer = EXCLUDED.reviewer, corrected_at = EXCLUDED.corrected_at, awaiting_model = EXCLUDED.awaiting_model
            """, cancellationToken);
        counts.Invalidate();
    }

    public Task<TicketTriage?> GetAsync(string ticketId, CancellationToken cancellationToken) =>
        db.TicketTriages.AsNoTracking().SingleOrDefaultAsync(t => t.TicketId == ticketId, cancellationToken);

    /// <summary>Every triage and correction of a ticket, newest first (the index's order).</summary>
    public async Task<IReadOnlyList<TriageHistoryRecord>> HistoryAsync(string ticketId, CancellationToken cancellationToken) =>
        await db.TriageHistory.AsNoTracking()
            .Where(h => h.TicketId == ticketId)
            .OrderByDescending(h => h.At).ThenByDescending(h => h.Id)
            .ToListAsync(cancellationToken);
}
