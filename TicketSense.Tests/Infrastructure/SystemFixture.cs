using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// The whole system through the real AppHost (<see cref="TestAppHost"/>), with the Aspire dashboard and a fixed key
/// for its telemetry API, waited on until every seed ticket is triaged. Stopped when the collection is done.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    public const string DashboardApiKey = "ticketsense-tests-dashboard-key";

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public HttpClient Api { get; private set; } = null!;

    public string WebUrl { get; private set; } = "";

    /// <summary>The Aspire dashboard's base address (its telemetry API answers under <c>/api/telemetry</c>).</summary>
    public Uri DashboardUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The dashboard's own ports: free ones, so a developer's running AppHost (18888) never collides with the tests.
        _app = await TestAppHost.BuildAsync(TestAppHost.NewDataDirectory(), dashboard: true,
            $"ASPNETCORE_URLS=http://localhost:{FreePort.Next()}",
            $"ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL=http://localhost:{FreePort.Next()}",
            "ASPIRE_ALLOW_UNSECURED_TRANSPORT=true",
            $"AppHost:DashboardApiKey={DashboardApiKey}");
        await TestAppHost.StartAsync(App);
        Api = App.CreateHttpClient("api");
        WebUrl = App.GetEndpoint("web", "http").ToString().TrimEnd('/');
        DashboardUrl = new Uri((await App.GetDashboardUrlAsync()).GetLeftPart(UriPartial.Authority));
        await WaitUntilTriagedAsync(SeedImporter.Count(DataPath.Resolve(null)));
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
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
