using System.CommandLine;

namespace TicketSense.Worker.Commands;

/// <summary>
/// A command's action on System.CommandLine's cancellation token, which Ctrl+C (SIGINT) and SIGTERM cancel: a cancelled
/// action says so and exits 130, as a shell expects after Ctrl+C (System.CommandLine itself would report 1).
/// </summary>
public static class CancellableAction
{
    public const int CancelledExitCode = 130;

    public static void SetCancellableAction(this Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await action(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"{command.Name}: cancelled.");
                return CancelledExitCode;
            }
        });
}
