using System.Diagnostics;
using TicketSense.AppHost.LocalStores;
using TicketSense.Testing.Servers;

namespace TicketSense.Tests.Integration;

/// <summary>The guarantee every test server rests on: a server never outlives its owner.</summary>
public sealed class ChildProcessTests
{
    [Fact]
    public async Task A_server_stops_when_its_owner_is_killed()
    {
        using var owner = Process.Start("sleep", "300");
        var port = FreePort.Next();
        var launch = await RedisCommand.ResolveAsync(RepositoryRoot.Find(), CancellationToken.None);
        await using var server = ChildProcess.Start("redis", launch.FileName, [.. launch.Arguments, "--port", port.ToString()], ownerPid: owner.Id);
        await WaitFor(() => RedisServer.PingAsync(port, CancellationToken.None), expected: true);

        owner.Kill();

        await WaitFor(() => RedisServer.PingAsync(port, CancellationToken.None), expected: false);
        await server.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token);
        Assert.True(server.HasExited);
    }

    [Fact]
    public async Task Stop_ends_the_server_itself_not_only_its_watchdog()
    {
        var port = FreePort.Next();
        var launch = await RedisCommand.ResolveAsync(RepositoryRoot.Find(), CancellationToken.None);
        var server = ChildProcess.Start("redis", launch.FileName, [.. launch.Arguments, "--port", port.ToString()]);
        await WaitFor(() => RedisServer.PingAsync(port, CancellationToken.None), expected: true);

        await server.StopAsync(TimeSpan.FromSeconds(10));

        Assert.True(server.HasExited);
        Assert.False(await RedisServer.PingAsync(port, CancellationToken.None));
    }

    private static async Task WaitFor(Func<Task<bool>> condition, bool expected)
    {
        var clock = Stopwatch.StartNew();
        while (await condition() != expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"Condition did not become {expected} within 20 s.");
            await Task.Delay(50);
        }
    }
}
