using TicketSense.AppHost.Processes;

namespace TicketSense.AppHost.Hosting;

/// <summary>
/// Postgres with one database: a local server whose data survives restarts in <paramref name="dataDirectory"/>, or,
/// when <paramref name="existingConnectionString"/> is given, a server someone else runs.
/// </summary>
public sealed class PostgresResource(string name, string database, string dataDirectory, string? existingConnectionString) : Resource(name), IConnectionSource
{
    private PostgresServer? _server;

    public string Database { get; } = database;

    public string ConnectionString => existingConnectionString
        ?? _server?.ConnectionString(Database)
        ?? throw new InvalidOperationException($"{Name} has not started.");

    public override string? Url => existingConnectionString is null && _server is not null ? $"127.0.0.1:{_server.Port} (data: {dataDirectory})" : existingConnectionString is null ? null : "external";

    protected override async Task StartCoreAsync(ResourceLog log, CancellationToken cancellationToken)
    {
        if (existingConnectionString is not null) return;
        _server = await PostgresServer.StartAsync(
            new PostgresServerOptions(dataDirectory, FreePort.Next()) { OnLine = log.Line }, cancellationToken);
        Process = _server.Process;
        // Created before any service's health check runs, so the Api never waits on a missing database.
        await _server.CreateDatabaseAsync(Database, cancellationToken: cancellationToken);
    }
}
