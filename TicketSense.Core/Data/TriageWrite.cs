using Microsoft.EntityFrameworkCore.Storage;

namespace TicketSense.Core.Data;

/// <summary>
/// A change to one ticket's triage, in one transaction that holds the ticket's row lock: read the current triage,
/// then write the history entry and the new current triage together, or nothing (disposing without
/// <see cref="CommitAsync"/> rolls back). Concurrent writers of the same ticket — a correction and a model's answer —
/// take turns, so neither works from a triage the other has just replaced.
/// </summary>
public sealed class TriageWrite(TicketsDbContext db, TriageRepository records, IDbContextTransaction transaction, Ticket? ticket, TicketTriage? current)
    : IAsyncDisposable
{
    /// <summary>The locked ticket; null when there is no such ticket.</summary>
    public Ticket? Ticket { get; } = ticket;

    /// <summary>The ticket's triage as the lock found it; null while it is pending.</summary>
    public TicketTriage? Current { get; } = current;

    public async Task CommitAsync(TicketTriage triage, TriageHistoryRecord entry, CancellationToken cancellationToken)
    {
        db.TriageHistory.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await records.UpsertAsync(triage, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
