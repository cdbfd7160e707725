using System.Diagnostics;
using Npgsql;
using TicketSense.AppHost.LocalStores;

namespace TicketSense.Testing.Servers;

/// <summary>
/// A test's own Postgres server: <c>initdb</c> on first use of <see cref="PostgresServerOptions.DataDirectory"/>,
/// then <c>postgres</c> in the foreground as a watched child of the test process, run as the AppHost runs its local
/// Postgres (<see cref="PostgresBinaries"/>), listening on 127.0.0.1 only.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly ChildProcess _process;

    public int Port { get; }

    public string DataDirectory { get; }

    private PostgresServer(ChildProcess process, int port, string dataDirectory)
    {
        _process = process;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public ChildProcess Process => _process;

    /// <summary>An Npgsql connection string for <paramref name="database"/> as the trusted superuser.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    public static async Task<PostgresServer> StartAsync(PostgresServerOptions options, CancellationToken cancellationToken)
    {
        var binDirectory = PostgresBinaries.FindBinDirectory();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        await PostgresBinaries.InitializeAsync(binDirectory, dataDirectory, cancellationToken);

        string[] settings = options.Durable
            ? []
            : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        string[] arguments = [.. PostgresBinaries.ServerArguments(binDirectory, dataDirectory, options.Port).Select(argument => argument.ToString()!), .. settings];
        var process = ChildProcess.Start("postgres", PostgresBinaries.ServerProgram(binDirectory), arguments, stopSignal: "INT", onLine: options.OnLine);

        var server = new PostgresServer(process, options.Port, dataDirectory);
        try
        {
            await server.WaitUntilReadyAsync(options.StartTimeout, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates <paramref name="database"/> unless it exists (optionally as a copy of <paramref name="template"/>).</summary>
    public async Task CreateDatabaseAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null) return;

        var sql = $"CREATE DATABASE \"{database}\"" + (template is null ? "" : $" TEMPLATE \"{template}\"");
        await using var create = new NpgsqlCommand(sql, connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops <paramref name="database"/>, closing any session still connected to it.</summary>
    public async Task DropDatabaseAsync(string database, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync(cancellationToken);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var probe = ConnectionString("postgres") + ";Pooling=false;Timeout=2";
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"postgres exited with code {_process.ExitCode} before accepting connections on port {Port}. Its last output:\n{_process.RecentOutput}");
            }
            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (NpgsqlException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(100, cancellationToken);
            }
            catch (NpgsqlException ex)
            {
                throw new InvalidOperationException(
                    $"postgres did not accept connections on port {Port} within {timeout.TotalSeconds:0} s ({ex.Message}). Its last output:\n{_process.RecentOutput}", ex);
            }
        }
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}
