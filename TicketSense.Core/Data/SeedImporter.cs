using Microsoft.Extensions.Logging;

namespace TicketSense.Core.Data;

/// <summary>
/// Loads <c>batch_*.json</c> into Postgres, idempotently: an id already stored is left untouched and counted as
/// skipped, so any number of replicas may seed at once.
/// </summary>
public sealed class SeedImporter(TicketRepository tickets, ILogger<SeedImporter> logger)
{
    public async Task<SeedResult> ImportAsync(string path, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var files = File.Exists(path) ? [path] : TicketDataset.SeedBatchFiles(path);
        if (files.Count == 0) throw new FileNotFoundException($"No seed tickets at {Path.GetFullPath(path)}: expected batch_*.json files or one JSON file.");

        int loaded = 0, skipped = 0;
        foreach (var file in files)
        {
            foreach (var ticket in TicketDataset.ReadTickets(file))
            {
                var result = await tickets.AddAsync(ticket, cancellationToken);
                if (result.IsDuplicateId) skipped++; else loaded++;
                progress?.Report(loaded + skipped);
            }
        }
        logger.LogInformation("Seed: {Loaded} tickets loaded, {Skipped} already present, from {Files} files in {Path}", loaded, skipped, files.Count, path);
        return new SeedResult(loaded, skipped, files.Count);
    }

    /// <summary>How many tickets the seed files hold, for progress totals.</summary>
    public static int Count(string path) =>
        (File.Exists(path) ? [path] : TicketDataset.SeedBatchFiles(path)).Sum(file => TicketDataset.ReadTickets(file).Count);
}
