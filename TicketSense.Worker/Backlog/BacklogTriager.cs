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
        int triaged = 0, failed = 0;
        while (true)
        {
            IReadOnlyList<string> claimed;
            await using (var scope = scopes.CreateAsyncScope())
            using (var activity = WorkerTelemetry.Source.StartActivity("backlog claim"))
            {
                claimed = await scope.ServiceProvider.GetRequiredService<TriageClaimRepository>()
                    .ClaimAsync(WorkerId, concurrency * 2, lease, cancellationToken);
                activity?.SetTag("backlog.claimed", claimed.Count);
            }
            if (claimed.Count == 0) return new BacklogResult(triaged, failed);

            await Parallel.ForEachAsync(claimed, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                async (ticketId, token) =>
                {
                    if (await TriageOneAsync(ticketId, token)) Interlocked.Increment(ref triaged);
                    else Interlocked.Increment(ref failed);
                    progress?.Report(triaged + failed);
                });
            if (failed > 0 && triaged == 0)
            {
                // Every ticket of the batch failed: the cause is shared (a store down); wait instead of spinning.
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
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
