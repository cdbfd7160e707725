using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Worker.Backlog;

/// <summary>
/// Claims untriaged tickets through <c>triage_claims</c> and triages them, <c>Worker:Concurrency</c> at a time, until
/// none is left. Used by the hosted worker and the <c>triage-all</c> command alike.
/// </summary>
public sealed class BacklogTriager(IServiceScopeFactory scopes, IOptions<WorkerOptions> options, ILogger<BacklogTriager> logger)
{
    /// <summary>Identifies this process's claims: host, pid and a random part (pids repeat across containers).</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Triages the whole backlog; returns how many tickets this worker triaged (and how many failed).</summary>
    public async Task<BacklogResult> DrainAsync(IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var concurrency = options.Value.Concurrency;
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        var counts = new BacklogCounts();
        await Parallel.ForEachAsync(ClaimedAsync(2 * concurrency, lease, counts, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            // The caller's token, not the loop's: a failed claim ends the loop but lets the triages in flight finish.
            async (ticketId, _) =>
            {
                if (await TriageOneAsync(ticketId, cancellationToken)) counts.Triaged();
                else counts.Failed();
                progress?.Report(counts.Done);
            });
        return counts.Result;
    }

    /// <summary>
    /// Claimed tickets, one batch of <paramref name="batch"/> at a time, the next batch claimed while the second half
    /// of this one is handed out: each ticket is claimed before a triager asks for it, so the triagers never wait for a
    /// claim's round trip, and a slow ticket holds up no other (not the whole batch, as waiting for it to finish did).
    /// Ends when nothing is left to claim.
    /// </summary>
    private async IAsyncEnumerable<string> ClaimedAsync(int batch, TimeSpan lease, BacklogCounts counts,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(batch, lease, cancellationToken);
        while (claimed.Count > 0)
        {
            var before = counts.Result;
            Task<IReadOnlyList<string>>? next = null;
            for (var i = 0; i < claimed.Count; i++)
            {
                if (i == claimed.Count / 2) next = ClaimAsync(batch, lease, cancellationToken);
                yield return claimed[i];
            }
            claimed = await next!;
            var after = counts.Result;
            if (after.Failed > before.Failed && after.Triaged == before.Triaged)
            {
                // Every ticket finished since the last claim failed: the cause is shared (a store down); wait instead of spinning.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<string>> ClaimAsync(int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var activity = WorkerTelemetry.Source.StartActivity("backlog claim");
        var claimed = await scope.ServiceProvider.GetRequiredService<TriageClaimRepository>().ClaimAsync(WorkerId, limit, lease, cancellationToken);
        activity?.SetTag("backlog.claimed", claimed.Count);
        return claimed;
    }

    private async Task<bool> TriageOneAsync(string ticketId, CancellationToken cancellationToken)
    {
        using var activity = WorkerTelemetry.Source.StartActivity("backlog triage");
        activity?.SetTag("ticket.id", ticketId);
        await using var scope = scopes.CreateAsyncScope();
        var claims = scope.ServiceProvider.GetRequiredService<TriageClaimRepository>();
        try
        {
            var ticket = await scope.ServiceProvider.GetRequiredService<TicketRepository>().GetAsync(ticketId, cancellationToken);
            // TriageService finds a record written meanwhile (by a worker whose claim expired) and asks no model.
            if (ticket is not null) await scope.ServiceProvider.GetRequiredService<TriageService>().TriageAsync(ticket.Ticket, force: false, cancellationToken);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Triage of ticket {TicketId} failed; it stays in the backlog", ticketId);
            return false;
        }
        finally
        {
            await claims.ReleaseAsync(ticketId, WorkerId, CancellationToken.None);
        }
    }
}
