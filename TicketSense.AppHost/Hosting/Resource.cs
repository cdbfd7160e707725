using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>
/// Something the AppHost runs: a server process or a service. It starts once every resource it waits for is ready,
/// then is ready itself when its own check passes; <see cref="Ready"/> completes then (or faults with the reason).
/// </summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name { get; } = name;

    public ResourceState State { get; protected set; } = ResourceState.Waiting;

    /// <summary>Where a developer reaches it, if anywhere.</summary>
    public virtual string? Url => null;

    public List<Resource> WaitsFor { get; } = [];

    public ChildProcess? Process { get; protected set; }

    /// <summary>Its console (set when it starts): the recent lines the dashboard shows, and the log file.</summary>
    public ResourceLog? Log { get; private set; }

    /// <summary>How often the AppHost restarted it. The AppHost does not restart a crashed resource (yet), so 0.</summary>
    public int Restarts { get; protected set; }

    public Task Ready => _ready.Task;

    /// <summary>Starts the resource and waits until it is ready to serve its dependents.</summary>
    protected abstract Task StartCoreAsync(ResourceLog log, CancellationToken cancellationToken);

    internal async Task StartAsync(ResourceLog log, CancellationToken cancellationToken)
    {
        Log = log;
        try
        {
            foreach (var dependency in WaitsFor) await dependency.Ready.WaitAsync(cancellationToken);
            State = ResourceState.Starting;
            await StartCoreAsync(log, cancellationToken);
            State = ResourceState.Ready;
            _ready.TrySetResult();
        }
        catch (Exception ex)
        {
            State = ResourceState.Failed;
            _ready.TrySetException(ex);
            throw;
        }
    }

    /// <summary>Marks a resource whose process ended by itself (a crash, when the AppHost did not ask it to stop).</summary>
    internal void MarkExited() => State = ResourceState.Exited;

    internal virtual async Task StopAsync()
    {
        if (Process is not null) await Process.DisposeAsync();
        if (State is not ResourceState.Failed) State = ResourceState.Stopped;
    }
}
