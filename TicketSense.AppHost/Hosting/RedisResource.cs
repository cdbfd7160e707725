using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>Redis: a local in-memory <c>redis-server</c> (or Garnet), or an existing server when its connection string is given.</summary>
public sealed class RedisResource(string name, string? existingConnectionString) : Resource(name), IConnectionSource
{
    private RedisServer? _server;

    public string ConnectionString => existingConnectionString
        ?? _server?.ConnectionString
        ?? throw new InvalidOperationException($"{Name} has not started.");

    public override string? Url => existingConnectionString is not null ? "external" : _server is null ? null : $"127.0.0.1:{_server.Port} ({_server.Kind})";

    protected override async Task StartCoreAsync(ResourceLog log, CancellationToken cancellationToken)
    {
        if (existingConnectionString is not null) return;
        _server = await RedisServer.StartAsync(FreePort.Next(), log.Line, cancellationToken);
        Process = _server.Process;
    }
}
