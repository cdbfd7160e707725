using System.Runtime.InteropServices;
using TicketSense.AppHost.Dashboard;
using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>
/// Runs declared resources in dependency order: each starts when what it waits for is ready, independent ones in
/// parallel. Reports a crash with its last log lines, and stops everything — children included — on Ctrl+C,
/// SIGTERM or disposal. The developer dashboard is always its first resource; every project exports telemetry to it.
/// </summary>
public sealed class DistributedApp : IAsyncDisposable
{
    private readonly AppHostSettings _settings;
    private readonly List<Resource> _resources = [];
    private readonly Dictionary<Resource, ResourceLog> _logs = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _repositoryRoot = RepositoryRoot.Find();

    public DistributedApp(AppHostSettings settings)
    {
        _settings = settings;
        Dashboard = Add(new DashboardResource("dashboard", settings.DashboardPort, settings.OtlpPort, new TelemetryStore(settings.Dashboard), _resources));
    }

    public AppHostSettings Settings => _settings;

    public IReadOnlyList<Resource> Resources => _resources;

    public DashboardResource Dashboard { get; }

    public PostgresResource AddPostgres(string name, string database) => Add(new PostgresResource(
        name, database, Path.Combine(_settings.DataDirectory, name), _settings.Configuration[$"ConnectionStrings:{database}"] is { Length: > 0 } existing ? existing : null));

    public RedisResource AddRedis(string name, string connectionName) => Add(new RedisResource(
        name, _settings.Configuration[$"ConnectionStrings:{connectionName}"] is { Length: > 0 } existing ? existing : null));

    public ProjectResource AddProject(string name, string project, int? httpPort = null, string? portSetting = null, string? readyPath = null)
    {
        var resource = new ProjectResource(name, ServiceProject.DllPath(_repositoryRoot, project), httpPort, portSetting, readyPath)
            .WithEnvironment("DOTNET_ENVIRONMENT", "Development")
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
            .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Dashboard.OtlpEndpoint)
            .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
            .WithEnvironment("OTEL_SERVICE_NAME", name)
            .WithEnvironment("OTEL_RESOURCE_ATTRIBUTES", $"service.instance.id={Guid.NewGuid()}")
            .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "1000")
            // A busy machine can make the in-process receiver slow to answer: retry a failed export instead of dropping it.
            .WithEnvironment("OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "in_memory")
            .WaitFor(Dashboard);
        return Add(resource);
    }

    private T Add<T>(T resource) where T : Resource
    {
        _resources.Add(resource);
        return resource;
    }

    /// <summary>Starts every resource; throws (after stopping what did start) when one cannot start.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var logDirectory = Path.Combine(_settings.DataDirectory, "logs");
        var starts = _resources.Select(resource =>
        {
            var log = _logs[resource] = new ResourceLog(resource.Name, logDirectory, _settings.EchoLogs, _settings.Dashboard.MaxConsoleLines);
            return resource.StartAsync(log, linked.Token);
        }).ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        catch
        {
            await StopAsync();
            var failures = _resources.Where(r => r.Ready.IsFaulted).Select(r => $"{r.Name}: {r.Ready.Exception!.InnerException!.Message}");
            throw new InvalidOperationException("TicketSense could not start.\n" + string.Join("\n", failures));
        }
        foreach (var resource in _resources.Where(r => r.Process is not null)) _ = WatchAsync(resource);
    }

    private async Task WatchAsync(Resource resource)
    {
        await resource.Process!.WaitForExitAsync(CancellationToken.None);
        if (_stopping.IsCancellationRequested) return;
        resource.MarkExited();
        Console.Error.WriteLine($"!! {resource.Name} exited with code {resource.Process.ExitCode}. Its last lines:\n{resource.Process.RecentOutput}\n(full log: {_logs[resource].FilePath})");
    }

    /// <summary>Starts everything, shows the resource table, and runs until Ctrl+C or SIGTERM. Returns the exit code.</summary>
    public async Task<int> RunAsync()
    {
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; _stopping.Cancel(); };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; _stopping.Cancel(); });
        try
        {
            await StartAsync();
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 1;
        }
        catch (OperationCanceledException)
        {
            await StopAsync();
            return 0;
        }
        Console.WriteLine(ResourceTable.Render(_resources));
        Console.WriteLine("TicketSense is running. Ctrl+C stops everything.");
        try
        {
            await Task.Delay(Timeout.Infinite, _stopping.Token);
        }
        catch (OperationCanceledException)
        {
            Console.WriteLine("Stopping…");
        }
        await StopAsync();
        Console.WriteLine(ResourceTable.Render(_resources));
        return 0;
    }

    /// <summary>Stops every resource, dependents first.</summary>
    public async Task StopAsync()
    {
        _stopping.Cancel();
        foreach (var resource in Enumerable.Reverse(_resources))
        {
            await resource.StopAsync();
        }
        foreach (var log in _logs.Values) log.Dispose();
        _logs.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stopping.Dispose();
    }
}
