using System.CommandLine;
using System.CommandLine.Invocation;
using TicketSense.Worker.Evaluation;

namespace TicketSense.Worker.Commands;

/// <summary>
/// The worker's command line: with no command it runs as the service (<see cref="WorkerService"/>); <c>seed</c>,
/// <c>triage-all</c>, <c>refresh-overview</c>, <c>eval</c> and <c>hash-password</c> are one-shot commands. System.CommandLine parses it and
/// writes help and usage errors; configuration settings are split off first (<see cref="HostSettings"/>).
/// </summary>
public static class WorkerCommandLine
{
    /// <summary>An unknown command or option, or a bad value: kept apart from a command's own failure (1).</summary>
    public const int UsageErrorExitCode = 2;

    public static RootCommand Create(string[] settings)
    {
        var root = new RootCommand(
            "The TicketSense worker. With no command it runs as the service the AppHost starts: it loads Seed:Path, then " +
            "triages every ticket without a triage. Configuration settings may stand before or after any command, as " +
            "--Section:Key value or --Section:Key=value (e.g. --Worker:Concurrency 4, --ConnectionStrings:tickets=...).")
        {
            SeedCommand.Create(settings),
            TriageAllCommand.Create(settings),
            RefreshOverviewCommand.Create(settings),
            EvalCommand.Create(settings),
            HashPasswordCommand.Create(),
        };
        root.SetCancellableAction((_, cancellationToken) => WorkerService.RunAsync(settings, cancellationToken));
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs what they name; returns the process exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellationToken = default)
    {
        var (commandLine, settings) = HostSettings.Split(args);
        var parseResult = Create(settings).Parse(commandLine);
        var exitCode = await parseResult.InvokeAsync(configuration ?? Defaults, cancellationToken);
        // System.CommandLine exits 1 after a usage error; 2 keeps it apart from a command that ran and failed.
        return parseResult.Action is ParseErrorAction ? UsageErrorExitCode : exitCode;
    }

    // After Ctrl+C or SIGTERM, System.CommandLine waits this long for the action before exiting on its own: the
    // service's host needs up to its shutdown timeout (30 s by default) to stop; a one-shot command returns at once.
    private static InvocationConfiguration Defaults => new() { ProcessTerminationTimeout = new HostOptions().ShutdownTimeout + TimeSpan.FromSeconds(5) };
}
