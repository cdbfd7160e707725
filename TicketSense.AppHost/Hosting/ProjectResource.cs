using System.Diagnostics;
using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>
/// A TicketSense service run as <c>dotnet X.dll</c> with Aspire's environment conventions: connection strings,
/// service-discovery endpoints, OpenTelemetry settings. Ready when its HTTP readiness path answers 200 (a service
/// without HTTP is ready once it has kept running for a moment).
/// </summary>
public sealed class ProjectResource(string name, string dllPath, int? httpPort, string? portSetting, string? readyPath) : Resource(name)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly List<Func<KeyValuePair<string, string?>>> _environment = [];

    public override string? Url => httpPort is { } port ? $"http://localhost:{port}" : null;

    public TimeSpan ReadyTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public ProjectResource WithEnvironment(string key, string? value)
    {
        _environment.Add(() => new(key, value));
        return this;
    }

    /// <summary><c>ConnectionStrings__{connectionName}</c>, resolved when this resource starts (after its source is up).</summary>
    public ProjectResource WithReference(IConnectionSource source, string connectionName)
    {
        _environment.Add(() => new($"ConnectionStrings__{connectionName}", source.ConnectionString));
        return this;
    }

    /// <summary><c>services__{name}__http__0</c>: how Microsoft.Extensions.ServiceDiscovery resolves <c>http://{name}</c>.</summary>
    public ProjectResource WithServiceReference(ProjectResource service)
    {
        _environment.Add(() => new($"services__{service.Name}__http__0", service.Url));
        return this;
    }

    public ProjectResource WaitFor(Resource resource)
    {
        WaitsFor.Add(resource);
        return this;
    }

    protected override async Task StartCoreAsync(ResourceLog log, CancellationToken cancellationToken)
    {
        if (httpPort is { } port && FreePort.IsInUse(port)) throw FreePort.InUse(Name, port, portSetting);
        var environment = _environment.Select(entry => entry()).ToDictionary(entry => entry.Key, entry => entry.Value);
        if (Url is { } url) environment["ASPNETCORE_URLS"] = url;
        Process = ChildProcess.Start(Name, "dotnet", [dllPath], workingDirectory: Path.GetDirectoryName(dllPath), environment: environment, onLine: log.Line);
        State = ResourceState.Running;

        if (readyPath is null || Url is null)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            ThrowIfExited();
            return;
        }
        var clock = Stopwatch.StartNew();
        while (true)
        {
            ThrowIfExited();
            try
            {
                using var response = await Http.GetAsync(Url + readyPath, cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer: ask again.
            }
            if (clock.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException($"{Name} did not become ready at {Url}{readyPath} within {ReadyTimeout.TotalSeconds:0} s; see {log.FilePath}.");
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    private void ThrowIfExited()
    {
        if (Process is { HasExited: true } process)
        {
            throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting. Its last lines:\n{process.RecentOutput}");
        }
    }
}
