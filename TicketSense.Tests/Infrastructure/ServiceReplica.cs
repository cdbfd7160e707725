using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// One replica of a TicketSense service as a deployment runs it: the built dll in a process of its own (which never
/// outlives the test: <see cref="ChildProcess"/>), configured only through environment variables.
/// </summary>
public sealed class ServiceReplica : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private ServiceReplica(ChildProcess process, Uri? baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public string Name => _process.Name;

    /// <summary>The Api's address (null for a worker).</summary>
    public Uri? BaseAddress { get; }

    public string RecentOutput => _process.RecentOutput;

    /// <summary>An Api replica on a free port of 127.0.0.1; <paramref name="onLine"/> sees each line it writes.</summary>
    public static ServiceReplica StartApi(string name, IReadOnlyDictionary<string, string?> environment, Action<string>? onLine = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        return Start(name, "TicketSense.Api", new Dictionary<string, string?>(environment) { ["ASPNETCORE_URLS"] = address.ToString() }, address, onLine);
    }

    /// <summary>A Worker replica; <paramref name="onLine"/> sees each line it writes.</summary>
    public static ServiceReplica StartWorker(string name, IReadOnlyDictionary<string, string?> environment, Action<string>? onLine = null) =>
        Start(name, "TicketSense.Worker", environment, null, onLine);

    private static ServiceReplica Start(string name, string project, IReadOnlyDictionary<string, string?> environment, Uri? address, Action<string>? onLine)
    {
        var dll = ServiceProject.DllPath(RepositoryRoot.Find(), project);
        return new ServiceReplica(ChildProcess.Start(name, "dotnet", [dll], environment: environment, onLine: onLine), address);
    }

    /// <summary>Waits until the Api answers 200 on <c>/ready</c>; fails with the replica's output when it exits or takes too long.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Assert.False(_process.HasExited, $"{Name} exited ({_process.ExitCode}):\n{RecentOutput}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress!, "/ready"), deadline.Token);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
            }
            Assert.False(deadline.IsCancellationRequested, $"{Name} was not ready within {timeout.TotalSeconds:0} s:\n{RecentOutput}");
            await Task.Delay(200, CancellationToken.None);
        }
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
