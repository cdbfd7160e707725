using Microsoft.EntityFrameworkCore;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// <c>triage_claims</c>: how workers share the backlog without triaging a ticket twice. A claim is a lease: a
/// crashed worker's claims expire and are taken again.
/// </summary>
public sealed class TriageClaimRepository(TicketsDbContext db, TicketCounts counts)
{
    /// <summary>
    /// Claims up to <paramref name="limit"/> untriaged tickets (no triage yet, or only a human's labels awaiting the
    /// model's summary and tags) that no live lease covers, oldest first, each try in one
    /// statement. Concurrent claimers skip each other's locked rows (<c>FOR UPDATE SKIP LOCKED</c>), and the upsert
    /// only takes a claim row whose lease has expired, so even a claimer with an older snapshot cannot steal a live one.
    /// </summary>
    /// <remarks>
    /// Empty means nothing is free to claim. One statement alone cannot promise that: a claimer whose snapshot predates
    /// another's committed claims locks the same ticket rows, then loses every insert to the conflict. So an empty
    /// answer is checked, and the claim tried again on a fresh snapshot while tickets are still free.
    /// </remarks>
    public async Task<IReadOnlyList<string>> ClaimAsync(string workerId, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        while (true)
        {
            var claimed = await ClaimOnceAsync(workerId, limit, lease, cancellationToken);
            if (claimed.Count > 0 || !await AnyClaimableAsync(cancellationToken)) return claimed;
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> ClaimOnceAsync(string workerId, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        var leaseSeconds = lease.TotalSeconds;
        return await db.Database.SqlQuery<string>($"""
            WITH candidates AS (
                SELECT t.id, t.created_at
                FROM tickets t
                WHERE NOT EXISTS (SELECT 1 FROM ticket_triages x WHERE x.ticket_id = t.id AND NOT x.awaiting_model)
                  AND NOT EXISTS (SELECT 1 FROM triage_claims c WHERE c.ticket_id = t.id AND c.lease_until > now())
                ORDER BY t.created_at, t.id
                LIMIT {limit}
                FOR UPDATE OF t SKIP LOCKED
            )
            INSERT INTO triage_claims (ticket_id, worker_id, lease_until)
            SELECT id, {workerId}, now() + make_interval(secs => {leaseSeconds}) FROM candidates
            ON CONFLICT (ticket_id) DO UPDATE SET worker_id = EXCLUDED.worker_id, lease_until = EXCLUDED.lease_until
                WHERE triage_claims.lease_until <= now()
            RETURNING ticket_id AS "Value"
            """).ToListAsync(cancellationToken);
    }

    /// <summary>Whether any untriaged (or awaiting-model) ticket is free to claim: the candidates of <see cref="ClaimOnceAsync"/>, without locks.</summary>
    private Task<bool> AnyClaimableAsync(CancellationToken cancellationToken) =>
        db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (
                SELECT 1 FROM tickets t
                WHERE NOT EXISTS (SELECT 1 FROM ticket_triages x WHERE x.ticket_id = t.id AND NOT x.awaiting_model)
                  AND NOT EXISTS (SELECT 1 FROM triage_claims c WHERE c.ticket_id = t.id AND c.lease_until > now())
            ) AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>
    /// Inserts <paramref name="ticket"/> and, in the same statement, a lease on it for <paramref name="claimant"/>:
    /// whoever triages a ticket as it arrives must not race the worker, which the insert's notification wakes. One
    /// statement, so no moment exists in which the ticket is stored but unclaimed. An existing id is left untouched
    /// and takes no claim, as <see cref="TicketRepository.AddAsync"/> says. The lease expires if the claimant dies.
    /// </summary>
    public async Task<AddTicketResult> AddClaimedAsync(Ticket ticket, string claimant, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(claimant);
        var receivedAtUtc = ticket.ReceivedAt.ToUniversalTime();
        var origin = WireNames.Of(ticket.Origin);
        var leaseSeconds = lease.TotalSeconds;
        var createdAt = await db.Database.SqlQuery<DateTimeOffset>($"""
            WITH added AS (
                INSERT INTO tickets (id, sender, subject, body, received_at, created_by, origin)
                VALUES ({ticket.Id}, {ticket.Sender}, {ticket.Subject}, {ticket.Body}, {receivedAtUtc}, {ticket.CreatedBy}, {origin})
                ON CONFLICT (id) DO NOTHING
                RETURNING id, created_at
            ), claimed AS (
                INSERT INTO triage_claims (ticket_id, worker_id, lease_until)
                SELECT id, {claimant}, now() + make_interval(secs => {leaseSeconds}) FROM added
                ON CONFLICT (ticket_id) DO UPDATE SET worker_id = EXCLUDED.worker_id, lease_until = EXCLUDED.lease_until
            )
            SELECT created_at AS "Value" FROM added
            """).ToListAsync(cancellationToken);
        counts.Invalidate();
        return AddTicketResult.From(ticket, createdAt);
    }

    /// <summary>Gives up this worker's claim on a ticket (after triaging it, or to let another worker retry it).</summary>
    public Task ReleaseAsync(string ticketId, string workerId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"DELETE FROM triage_claims WHERE ticket_id = {ticketId} AND worker_id = {workerId}", cancellationToken);
}
