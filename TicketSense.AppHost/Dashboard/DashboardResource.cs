using TicketSense.AppHost.Hosting;

namespace TicketSense.AppHost.Dashboard;

/// <summary>
/// The developer dashboard, run inside the AppHost like Aspire's: an OTLP receiver every service exports to, and a
/// web UI over it and over the resources. Ready once both listen, so no service starts before its telemetry has a home.
/// </summary>
public sealed class DashboardResource(string name, int port, int otlpPort, TelemetryStore store, IReadOnlyList<Resource> resources) : Resource(name)
{
    private OtlpReceiver? _receiver;
    private DashboardUi? _ui;

    public TelemetryStore Store => store;

    /// <summary>Where the services send their telemetry (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>).</summary>
    public string OtlpEndpoint => $"http://localhost:{otlpPort}";

    public override string? Url => $"http://localhost:{port}";

    protected override async Task StartCoreAsync(ResourceLog log, CancellationToken cancellationToken)
    {
        _receiver = await OtlpReceiver.StartAsync(otlpPort, store, cancellationToken);
        _ui = await DashboardUi.StartAsync(port, store, resources, cancellationToken);
        State = ResourceState.Running;
        log.Line($"Dashboard on {Url}; OTLP/HTTP (protobuf) receiver on {OtlpEndpoint}");
    }

    internal override async Task StopAsync()
    {
        if (_ui is not null) await _ui.DisposeAsync();
        if (_receiver is not null) await _receiver.DisposeAsync();
        _ui = null;
        _receiver = null;
        await base.StopAsync();
    }
}
