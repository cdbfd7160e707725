using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using TicketSense.Tests.Infrastructure;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.EndToEnd;

/// <summary>Starting and stopping the real AppHost: nothing left behind, and a store that cannot start never hangs the system.</summary>
public sealed class AppHostLifecycleTests
{
    [Fact]
    public async Task Stopping_the_app_leaves_no_process_behind_neither_the_stores_nor_dcp()
    {
        var dataDirectory = TestAppHost.NewDataDirectory();
        var app = await TestAppHost.BuildAsync(dataDirectory);
        HashSet<int> ours;
        string redisPort;
        try
        {
            await TestAppHost.StartAsync(app);
            redisPort = (await app.GetConnectionStringAsync("cache"))!.Split(':')[^1];
            // The stores and, above them, the DCP processes that run them: everything between postgres and the test process.
            var postgres = ProcessTable.Find(command => command.Contains(dataDirectory, StringComparison.Ordinal) && command.Contains("postgres", StringComparison.Ordinal));
            Assert.NotEmpty(postgres);
            ours = [.. postgres.SelectMany(pid => ProcessTable.AncestorsBelow(pid, Environment.ProcessId)), .. postgres];
            Assert.Contains(ours, pid => ProcessTable.CommandLine(pid).Contains("dcp", StringComparison.Ordinal));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (ours.Any(ProcessTable.IsRunning) && DateTimeOffset.UtcNow < deadline) await Task.Delay(500);
        Assert.Empty(ours.Where(ProcessTable.IsRunning).Select(pid => $"{pid} {ProcessTable.CommandLine(pid)}"));
        Assert.False(await RedisServer.PingAsync(int.Parse(redisPort), CancellationToken.None), "Redis still answers.");
    }

    [Fact]
    public async Task A_store_that_cannot_start_fails_its_resource_and_everything_waiting_on_it()
    {
        // A data folder that is a file: initdb cannot make a cluster there.
        var dataDirectory = TestAppHost.NewDataDirectory();
        Directory.CreateDirectory(dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "postgres"), "not a folder");
        await using var app = await TestAppHost.BuildAsync(dataDirectory);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        await app.StartAsync(timeout.Token);

        foreach (var resource in new[] { "postgres", "tickets", "api", "worker", "web" })
        {
            var state = await app.ResourceNotifications.WaitForResourceAsync(
                resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
            Assert.Equal(KnownResourceStates.FailedToStart, state.Snapshot.State?.Text);
        }
        await app.StopAsync(timeout.Token);
    }
}
