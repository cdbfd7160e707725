using Microsoft.Extensions.Logging;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// Loads <c>batch_*.json</c> into Postgres, idempotently: an id already stored is left untouched and counted as
/// skipped, so any number of replicas may seed at once. Each ticket must pass the same rules as <c>POST /tickets</c>:
/// one that does not is logged, counted as invalid and skipped, and the rest still load.
/// </summary>
public sealed class SeedImporter(TicketRepository tickets, ILogger<SeedImporter> logger)
{
    public async Task<SeedResult> ImportAsync(string path, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var files = SeedFiles(path);
        if (files.Count == 0) throw new FileNotFoundException($"No seed tickets at {Path.GetFullPath(path)}: expected batch_*.json files or one JSON file.");

        int loaded = 0, skipped = 0, invalid = 0;
        foreach (var file in files)
        {
            var requests = TicketDataset.ReadRequests(file);
            for (var position = 0; position < requests.Count; position++)
            {
                var (ticket, errors) = TicketRequestValidator.Validate(requests[position]);
                if (ticket is null)
                {
                    invalid++;
                    LogInvalid(requests[position], errors, file, position);
                }
                else if ((await tickets.AddAsync(ticket, cancellationToken)).IsDuplicateId) skipped++;
                else loaded++;
                progress?.Report(loaded + skipped + invalid);
            }
        }
        logger.LogInformation("Seed: {Loaded} tickets loaded, {Skipped} already present, {Invalid} invalid and skipped, from {Files} files in {Path}",
            loaded, skipped, invalid, files.Count, path);
        return new SeedResult(loaded, skipped, files.Count, invalid);
    }

    /// <summary>How many tickets the seed files hold (valid or not), for progress totals.</summary>
    public static int Count(string path) => SeedFiles(path).Sum(file => TicketDataset.ReadRequests(file).Count);

    private static IReadOnlyList<string> SeedFiles(string path) => File.Exists(path) ? [path] : TicketDataset.SeedBatchFiles(path);

    // The id, its place in the file and the failing fields' names only: the values are customer text, which stays out of logs.
    private void LogInvalid(TicketRequest? request, Dictionary<string, string[]> errors, string file, int position) =>
        logger.LogWarning("Seed ticket {TicketId} ({File}, ticket {Position}) is invalid and skipped; failing fields: {Fields}",
            request?.Id, Path.GetFileName(file), position + 1, string.Join(", ", errors.Keys.Order(StringComparer.Ordinal)));
}
