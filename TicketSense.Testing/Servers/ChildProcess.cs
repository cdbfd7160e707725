using System.Diagnostics;

namespace TicketSense.Testing.Servers;

/// <summary>
/// A server process run as our direct child that can never outlive us. It runs under a tiny shell watchdog that
/// polls our pid: when we exit — normally, by Ctrl+C or by SIGKILL — the watchdog stops the server within a second.
/// <see cref="StopAsync"/> sends the server its graceful stop signal through the watchdog.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    // $1 = owner pid, $2 = stop signal, rest = the command. The trap forwards our stop request; the loop ends when
    // the owner or the server is gone, then the server gets its stop signal and the watchdog waits for it.
    private const string WatchdogScript = """
        owner=$1; signal=$2; shift 2
        "$@" &
        child=$!
        trap 'kill -s "$signal" "$child" 2>/dev/null' TERM INT HUP
        while kill -0 "$owner" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 0.3; done
        kill -s "$signal" "$child" 2>/dev/null
        wait "$child"
        """;

    private readonly Process _process;
    private readonly RecentLines _recent = new(capacity: 40);
    private readonly Action<string>? _onLine;
    private int _disposing;
    private int _disposed;

    public string Name { get; }

    private ChildProcess(string name, Process process, Action<string>? onLine)
    {
        Name = name;
        _process = process;
        _onLine = onLine;
    }

    private int? _exitCodeAfterDispose;

    public bool HasExited => _disposed == 1 || _process.HasExited;

    public int? ExitCode => _disposed == 1 ? _exitCodeAfterDispose : _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last lines the process wrote (stdout and stderr), for error messages.</summary>
    public string RecentOutput => _recent.Text;

    /// <summary>
    /// Starts <paramref name="fileName"/> with <paramref name="arguments"/>. <paramref name="stopSignal"/> is the
    /// signal name the server treats as "shut down cleanly" (postgres: INT, a fast shutdown; redis: TERM).
    /// The server lives as long as <paramref name="ownerPid"/> (default: this process).
    /// </summary>
    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string stopSignal = "TERM",
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? onLine = null,
        int? ownerPid = null)
    {
        var info = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in (string[])["-c", WatchdogScript, "watchdog", (ownerPid ?? Environment.ProcessId).ToString(), stopSignal, fileName, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, onLine);
        process.OutputDataReceived += (_, e) => child.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => child.Receive(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"{name}: could not start {fileName}.");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        _recent.Add(line);
        _onLine?.Invoke(line);
    }

    /// <summary>Asks the server to stop and waits up to <paramref name="timeout"/>; then kills the watchdog and server.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (HasExited) return;
        UnixSignals.Terminate(_process.Id);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) =>
        _disposed == 1 ? Task.CompletedTask : _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposing, 1) == 1) return;
        await StopAsync(TimeSpan.FromSeconds(10));
        _exitCodeAfterDispose = _process.ExitCode;
        Volatile.Write(ref _disposed, 1);
        _process.Dispose();
    }
}
