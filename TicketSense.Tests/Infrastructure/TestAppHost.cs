using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// The real AppHost (<c>Projects.TicketSense_AppHost</c>) under Aspire.Hosting.Testing: local-process stores in a data
/// folder of its own, the local triage model, random ports — so apps started by several tests never collide.
/// </summary>
public static class TestAppHost
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>A data folder of one app's own, removed with the test run's folder.</summary>
    public static string NewDataDirectory() =>
        Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"apphost-{Guid.NewGuid():N}");

    /// <summary>
    /// Builds the app as <c>dotnet run --project TicketSense.AppHost</c> declares it, with <paramref name="settings"/>
    /// on top (<c>key=value</c>, as on the command line).
    /// </summary>
    public static async Task<DistributedApplication> BuildAsync(string dataDirectory, bool dashboard = false, params string[] settings)
    {
        string[] args =
        [
            "--AppHost:Containers=false",
            $"--AppHost:DataDir={dataDirectory}",
            "--Triage:Mode=local",
            .. settings.Select(setting => "--" + setting),
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TicketSense_AppHost>(
            new DistributedApplicationTestingBuilderOptions { EnableDashboard = dashboard }, args);
        return await builder.BuildAsync();
    }

    /// <summary>Starts <paramref name="app"/> and waits until the api, worker and web are up (the api healthy on /ready).</summary>
    public static async Task StartAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("api", timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("web", timeout.Token);
        await app.ResourceNotifications.WaitForResourceAsync("worker", KnownResourceStates.Running, timeout.Token);
    }
}
