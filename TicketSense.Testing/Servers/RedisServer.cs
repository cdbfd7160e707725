using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using TicketSense.AppHost.LocalStores;

namespace TicketSense.Testing.Servers;

/// <summary>
/// A test's own Redis-protocol server on 127.0.0.1, in memory only, started as the AppHost starts its local Redis
/// (<see cref="RedisCommand"/>: <c>redis-server</c>, else Garnet), as a watched child of the test process.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    public int Port { get; }

    /// <summary><c>redis-server</c> or <c>garnet</c>.</summary>
    public string Kind { get; }

    private RedisServer(ChildProcess process, int port, string kind)
    {
        _process = process;
        Port = port;
        Kind = kind;
    }

    public ChildProcess Process => _process;

    /// <summary>A StackExchange.Redis connection string.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync(int port, Action<string>? onLine = null, CancellationToken cancellationToken = default)
    {
        var launch = await RedisCommand.ResolveAsync(RepositoryRoot.Find(), cancellationToken);
        var process = ChildProcess.Start(
            launch.Kind, launch.FileName, [.. launch.Arguments, "--port", port.ToString()], stopSignal: "TERM", onLine: onLine);
        var server = new RedisServer(process, port, launch.Kind);
        try
        {
            await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(20), cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Kind} exited with code {_process.ExitCode} before answering on port {Port}. Its last output:\n{_process.RecentOutput}");
            }
            if (await PingAsync(Port, cancellationToken)) return;
            if (clock.Elapsed > timeout)
            {
                throw new InvalidOperationException(
                    $"{Kind} did not answer PING on port {Port} within {timeout.TotalSeconds:0} s. Its last output:\n{_process.RecentOutput}");
            }
            await Task.Delay(25, cancellationToken);
        }
    }

    /// <summary>True when a Redis-protocol server on 127.0.0.1:<paramref name="port"/> answers PING.</summary>
    public static async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(1));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}
