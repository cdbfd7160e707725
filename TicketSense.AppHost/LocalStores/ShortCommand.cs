using System.Diagnostics;

namespace TicketSense.AppHost.LocalStores;

/// <summary>Runs a command that finishes by itself (initdb, chown, dotnet tool restore) and throws with its output when it fails.</summary>
public static class ShortCommand
{
    public static async Task RunAsync(string fileName, IEnumerable<string> arguments, string workingDirectory, string whatToDo, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}. {whatToDo}");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{Path.GetFileName(fileName)} {string.Join(' ', info.ArgumentList)}` failed with exit code {process.ExitCode}. {whatToDo}\n{await output}{await error}");
        }
    }
}
