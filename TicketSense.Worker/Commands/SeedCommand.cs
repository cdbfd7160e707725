using System.CommandLine;
using TicketSense.Core.Data;
using TicketSense.Worker.Terminal;

namespace TicketSense.Worker.Commands;

/// <summary><c>seed [path]</c>: loads seed tickets (default: <c>Seed:Path</c>, else the <c>data/</c> beside the binaries); existing ids are left untouched.</summary>
public static class SeedCommand
{
    public static Command Create(string[] settings)
    {
        var path = new Argument<FileSystemInfo>("path")
        {
            Arity = ArgumentArity.ZeroOrOne,
            Description = "A folder of batch_*.json files, or one such file [default: Seed:Path, else the data/ beside the binaries]",
        };
        path.AcceptExistingOnly();
        var command = new Command("seed", "Load seed tickets; tickets whose id is already stored are left untouched.") { path };
        command.SetCancellableAction((parseResult, cancellationToken) => CommandHost.RunAsync(command.Name, settings, async (services, token) =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            var folder = parseResult.GetValue(path)?.FullName
                ?? configuration["Seed:Path"] ?? DataPath.Resolve(configuration[DataPath.ConfigurationKey]);
            var progress = ProgressBar.ForConsole("seed", SeedImporter.Count(folder));
            await using var scope = services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(folder, progress, token);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"seed: {result.Loaded} tickets loaded, {result.Skipped} already present, {result.Invalid} invalid and skipped ({result.Files} files from {Path.GetFullPath(folder)}) in {progress.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        }, cancellationToken));
        return command;
    }
}
