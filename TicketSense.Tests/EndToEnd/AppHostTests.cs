using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using TicketSense.AppHost;
using TicketSense.AppHost.Hosting;
using TicketSense.AppHost.Processes;
using TicketSense.Core.Contracts;
using TicketSense.Core.Data;
using TicketSense.Tests.Infrastructure;

namespace TicketSense.Tests.EndToEnd;

/// <summary>The whole system, started through the AppHost library exactly as <c>dotnet run --project TicketSense.AppHost</c> declares it.</summary>
public sealed class AppHostTests
{
    [Fact]
    public async Task The_system_starts_seeds_triages_counts_a_posted_ticket_and_stops_without_leftovers()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"apphost-{Guid.NewGuid():N}");
        var settings = new AppHostSettings
        {
            ApiPort = FreePort.Next(),
            WebPort = FreePort.Next(),
            DashboardPort = FreePort.Next(),
            OtlpPort = FreePort.Next(),
            DataDirectory = dataDirectory,
            SeedPath = DataPath.Resolve(null),
            EchoLogs = false,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Triage:Mode"] = "local" }).Build(),
        };
        var seedCount = SeedImporter.Count(settings.SeedPath);
        var app = TicketSenseAppHost.Declare(new DistributedApp(settings));
        using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{settings.ApiPort}") };
        try
        {
            await app.StartAsync();
            Assert.All(app.Resources, r => Assert.Equal(ResourceState.Ready, r.State));

            var created = await http.PostAsJsonAsync("/tickets", ApiFixture.NewTicket("e2e-apphost-1"));
            created.EnsureSuccessStatusCode();

            OverviewResponse overview;
            var deadline = DateTimeOffset.UtcNow.AddSeconds(120);
            do
            {
                await Task.Delay(500);
                overview = (await (await http.PostAsync("/overview/refresh", null)).Content.ReadFromJsonAsync<OverviewResponse>(TicketSenseJson.Options))!;
            }
            while ((overview.TotalTickets != seedCount + 1 || overview.Pending != 0) && DateTimeOffset.UtcNow < deadline);
            Assert.Equal(seedCount + 1, overview.TotalTickets);
            Assert.Equal(0, overview.Pending);
            Assert.Equal(200, (int)(await http.GetAsync($"http://localhost:{settings.WebPort}/")).StatusCode);
        }
        finally
        {
            await app.DisposeAsync();
        }

        Assert.All(app.Resources, r => Assert.True(r.Process is null || r.Process.HasExited, $"{r.Name} is still running"));
        Assert.All(app.Resources, r => Assert.Equal(ResourceState.Stopped, r.State));
        Assert.False(FreePort.IsInUse(settings.ApiPort));
        Assert.False(FreePort.IsInUse(settings.WebPort));
        Assert.False(FreePort.IsInUse(settings.DashboardPort));
        Assert.False(FreePort.IsInUse(settings.OtlpPort));
        var redis = (RedisResource)app.Resources.Single(r => r.Name == "redis");
        Assert.False(await RedisServer.PingAsync(int.Parse(redis.ConnectionString.Split(':')[1]), CancellationToken.None));
        Assert.True(Directory.Exists(Path.Combine(dataDirectory, "logs")) && File.Exists(Path.Combine(dataDirectory, "logs", "api.log")));
    }

    [Fact]
    public async Task A_port_in_use_fails_the_start_with_the_setting_to_change()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var settings = new AppHostSettings
        {
            ApiPort = taken,
            WebPort = FreePort.Next(),
            DashboardPort = FreePort.Next(),
            OtlpPort = FreePort.Next(),
            DataDirectory = Path.Combine(Path.GetTempPath(), $"{TestServers.Prefix}-{Environment.ProcessId}", $"apphost-{Guid.NewGuid():N}"),
            EchoLogs = false,
        };
        await using var app = TicketSenseAppHost.Declare(new DistributedApp(settings));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());

        Assert.Contains($"port {taken} is already in use", error.Message);
        Assert.Contains("AppHost:ApiPort", error.Message);
        Assert.All(app.Resources, r => Assert.True(r.Process is null || r.Process.HasExited));
    }
}
