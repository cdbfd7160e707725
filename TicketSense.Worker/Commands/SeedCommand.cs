using TicketSense.Core.Data;
using TicketSense.Worker.Terminal;

namespace TicketSense.Worker.Commands;

/// <summary><c>seed [path]</c>: loads seed tickets (default: the <c>data/</c> beside the binaries); existing ids are left untouched.</summary>
public static class SeedCommand
{
    public static Task<int> RunAsync(string[] args) => CommandHost.RunAsync("seed", args.Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray(), async (services, cancellationToken) =>
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? configuration["Seed:Path"] ?? DataPath.Resolve(configuration[DataPath.ConfigurationKey]);
        var progress = ProgressBar.ForConsole("seed", SeedImporter.Count(path));
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(path, progress, cancellationToken);
        Console.WriteLine($"seed: {result.Loaded} tickets loaded, {result.Skipped} already present ({result.Files} files from {Path.GetFullPath(path)}) in {progress.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    });
}
