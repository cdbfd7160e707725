using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using TicketSense.AppHost;
using TicketSense.AppHost.Dashboard;
using TicketSense.AppHost.Hosting;
using TicketSense.AppHost.Processes;
using TicketSense.Core.Contracts;
using TicketSense.Core.Data;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// The whole system, started through the AppHost library on free ports with the seed tickets, in local mode, and
/// waited on until every seed ticket is triaged. Stopped (children included) when the test class is done.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    private DistributedApp? _app;

    public AppHostSettings Settings { get; } = new()
    {
        ApiPort = FreePort.Next(),
        WebPort = FreePort.Next(),
        DashboardPort = FreePort.Next(),
        OtlpPort = FreePort.Next(),
        DataDirectory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"system-{Guid.NewGuid():N}"),
        SeedPath = DataPath.Resolve(null),
        EchoLogs = false,
        Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Triage:Mode"] = "local" }).Build(),
    };

    public HttpClient Api { get; private set; } = null!;

    public string WebUrl => $"http://localhost:{Settings.WebPort}";

    public string DashboardUrl => $"http://localhost:{Settings.DashboardPort}";

    /// <summary>What the AppHost's OTLP receiver holds: every service's spans and logs.</summary>
    public TelemetryStore Telemetry => App.Dashboard.Store;

    public DistributedApp App => _app ?? throw new InvalidOperationException("The system has not started.");

    public async Task InitializeAsync()
    {
        _app = TicketSenseAppHost.Declare(new DistributedApp(Settings));
        await _app.StartAsync();
        Api = new HttpClient { BaseAddress = new Uri($"http://localhost:{Settings.ApiPort}") };
        await WaitUntilTriagedAsync(SeedImporter.Count(Settings.SeedPath));
    }

    /// <summary>Waits until at least <paramref name="count"/> tickets exist and none is pending; returns the fresh overview.</summary>
    public async Task<OverviewResponse> WaitUntilTriagedAsync(int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddMinutes(2);
        while (true)
        {
            var overview = (await (await Api.PostAsync("/overview/refresh", null)).Content.ReadFromJsonAsync<OverviewResponse>(TicketSenseJson.Options))!;
            if (overview.TotalTickets >= count && overview.Pending == 0) return overview;
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {overview.TotalTickets - overview.Pending} of {count} tickets were triaged within 2 minutes.");
            }
            await Task.Delay(500);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
    }
}
