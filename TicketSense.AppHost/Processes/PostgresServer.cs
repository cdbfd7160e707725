using System.Diagnostics;
using Npgsql;

namespace TicketSense.AppHost.Processes;

/// <summary>
/// A local Postgres server: <c>initdb</c> on first use of <see cref="PostgresServerOptions.DataDirectory"/>, then
/// <c>postgres</c> in the foreground as our watched child, listening on 127.0.0.1 only. Postgres refuses to run as
/// root, so as root its binaries run as the <c>postgres</c> user through <c>setpriv</c> (which execs, so signals
/// reach postgres itself).
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
        var binDirectory = FindBinDirectory();
        var dataDirectory = Path.GetFullPath(options.DataDirectory);
        await PrepareDataDirectoryAsync(binDirectory, dataDirectory, cancellationToken);

        string[] settings = options.Durable
            ? []
            : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
        string[] command = [Path.Combine(binDirectory, "postgres"), "-D", dataDirectory, "-p", options.Port.ToString(),
            "-c", "listen_addresses=127.0.0.1", "-k", dataDirectory, "-c", "max_connections=200", .. settings];
        var (fileName, arguments) = AsServerUser(command);
        var process = ChildProcess.Start("postgres", fileName, arguments, stopSignal: "INT", onLine: options.OnLine);

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

    private static async Task PrepareDataDirectoryAsync(string bin, string dataDirectory, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION"))) return;
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The AppHost runs Postgres on Linux or macOS only.");

        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
        {
            // The postgres user must own the data directory and be able to reach it through every parent.
            await ShortCommand.RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], Path.GetTempPath(), "The postgres user must own the data folder.", cancellationToken);
            for (var parent = Path.GetDirectoryName(dataDirectory); parent is not null && parent != "/"; parent = Path.GetDirectoryName(parent))
            {
                var mode = File.GetUnixFileMode(parent);
                if (!mode.HasFlag(UnixFileMode.OtherExecute)) File.SetUnixFileMode(parent, mode | UnixFileMode.OtherExecute);
            }
        }
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (fileName, arguments) = AsServerUser(
            [Path.Combine(bin, "initdb"), "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await ShortCommand.RunAsync(fileName, arguments, Path.GetTempPath(), $"initdb could not create {dataDirectory}.", cancellationToken);
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>As root, <paramref name="command"/> wrapped to run as the <c>postgres</c> user; otherwise as it is.</summary>
    private static (string FileName, string[] Arguments) AsServerUser(string[] command) => IsRoot
        ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--", .. command])
        : (command[0], command[1..]);

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c>, or <c>TICKETSENSE_POSTGRES_BIN</c>.</summary>
    public static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable("TICKETSENSE_POSTGRES_BIN") is { Length: > 0 } configured) return configured;
        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => Path.Combine(version, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
                .ToList()
            : [];
        return candidates.FirstOrDefault() ?? throw new InvalidOperationException(
            "Postgres server binaries not found in /usr/lib/postgresql/*/bin: apt-get install postgresql " +
            "(or set TICKETSENSE_POSTGRES_BIN to the folder holding initdb and postgres).");
    }

    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}
