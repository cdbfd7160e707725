namespace TicketSense.Testing.Servers;

/// <summary>How to run a local Postgres: where its data lives, its port, and whether writes must survive a crash.</summary>
public sealed record PostgresServerOptions(string DataDirectory, int Port)
{
    /// <summary>False for throwaway test servers: fsync and full-page writes off, several times faster.</summary>
    public bool Durable { get; init; } = true;

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public Action<string>? OnLine { get; init; }
}
