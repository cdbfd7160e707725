using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;
using TicketSense.Worker.Backlog;
using TicketSense.Worker.Terminal;

namespace TicketSense.Worker.Commands;

/// <summary>
/// <c>triage-all [--force]</c>: triages every ticket without a triage (claiming them, so it is safe beside running
/// workers); with <c>--force</c>, re-triages every ticket past the cache.
/// </summary>
public static class TriageAllCommand
{
    public static Command Create(string[] settings)
    {
        var force = new Option<bool>("--force") { Description = "Re-triage every ticket, past the cache, not only those without a triage" };
        var command = new Command("triage-all", "Triage every ticket without a triage (safe beside running workers: tickets are claimed).") { force };
        command.SetCancellableAction((parseResult, cancellationToken) =>
            RunAsync(parseResult.GetValue(force), settings, cancellationToken));
        return command;
    }

    private static Task<int> RunAsync(bool force, string[] settings, CancellationToken cancellationToken) =>
        CommandHost.RunAsync("triage-all", settings, async (services, token) =>
        {
            int total;
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
                total = force
                    ? await db.Tickets.CountAsync(token)
                    : await db.Tickets.CountAsync(t => !db.TicketTriages.Any(x => x.TicketId == t.Id), token);
            }
            var progress = ProgressBar.ForConsole(force ? "re-triage" : "triage", total);
            var result = force ? await RetriageEveryTicketAsync(services, progress, token)
                : await services.GetRequiredService<BacklogTriager>().DrainAsync(progress, token);

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TicketsDbContext>();
                var bySource = await db.TicketTriages.GroupBy(t => t.Source).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(token);
                var seconds = Math.Max(progress.Elapsed.TotalSeconds, 0.001);
                Console.WriteLine($"triage-all: {result.Triaged} triaged, {result.Failed} failed in {seconds:0.0} s ({result.Triaged / seconds:0.0}/s). " +
                    $"Records by source: {string.Join(", ", bySource.Select(s => $"{WireNames.Of(s.Key)} {s.Count}"))}.");
            }
            if (result.Failed > 0)
            {
                Console.Error.WriteLine("triage-all: some tickets failed; they stay pending. Check the log above, then run triage-all again.");
                return 1;
            }
            return 0;
        }, cancellationToken);

    private static async Task<BacklogResult> RetriageEveryTicketAsync(IServiceProvider services, IProgress<int> progress, CancellationToken cancellationToken)
    {
        List<string> ids;
        await using (var scope = services.CreateAsyncScope())
        {
            ids = await scope.ServiceProvider.GetRequiredService<TicketsDbContext>().Tickets.OrderBy(t => t.CreatedAt).Select(t => t.Id).ToListAsync(cancellationToken);
        }
        int triaged = 0, failed = 0;
        var concurrency = Math.Max(1, services.GetRequiredService<IOptions<WorkerOptions>>().Value.Concurrency);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (id, token) =>
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var ticket = await scope.ServiceProvider.GetRequiredService<TicketRepository>().GetAsync(id, token);
                if (ticket is not null) await scope.ServiceProvider.GetRequiredService<TriageService>().TriageAsync(ticket.Ticket, force: true, token);
                Interlocked.Increment(ref triaged);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                Console.Error.WriteLine($"triage-all: ticket {id} failed: {ex.Message}");
                Interlocked.Increment(ref failed);
            }
            progress.Report(triaged + failed);
        });
        return new BacklogResult(triaged, failed);
    }
}
