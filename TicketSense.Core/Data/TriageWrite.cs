using Microsoft.EntityFrameworkCore.Storage;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;

namespace TicketSense.Core.Data;

/// <summary>
/// A change to one ticket's triage, in one transaction that holds the ticket's row lock: read the current triage,
/// then write the history entry and the new current triage together, or nothing (disposing without
/// <see cref="CommitAsync"/> rolls back). Concurrent writers of the same ticket — a correction and a model's answer —
/// take turns, so neither works from a triage the other has just replaced. The webhook deliveries the change raises are
/// written in the same transaction (<see cref="TriageAlerts"/>): owed exactly when the change is committed.
/// </summary>
public sealed class TriageWrite(
    TicketsDbContext db, TriageRepository records, TriageAlerts alerts, IDbContextTransaction transaction, Ticket? ticket, TicketTriage? current)
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
        if (Ticket is not null)
        {
            await alerts.RaiseAsync(Ticket, Current, triage, isCorrection: entry.Source == TriageSource.Human, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => transaction.DisposeAsync();
}
