using Microsoft.EntityFrameworkCore;
using TicketSense.Testing.Servers;
using TicketSense.Core.Data;

namespace TicketSense.Testing;

/// <summary>
/// The one Postgres server of a test run, started on first use on a free port in a temp folder, with a migrated
/// template database that each test class clones. It stops when the test process exits — and, through
/// <see cref="ChildProcess"/>'s watchdog, even when the process is killed.
/// </summary>
public static class TestServers
{
    public const string TemplateDatabase = "tickets_template";

    /// <summary>Every folder and database the tests create starts with this, so leftovers are easy to find.</summary>
    public const string Prefix = "ticketsense-tests";

    private static readonly Lazy<Task<PostgresServer>> Postgres = new(StartPostgresAsync);
    private static readonly SemaphoreSlim CloneLock = new(1, 1);
    private static readonly string RunDirectory = Path.Combine(Path.GetTempPath(), $"{Prefix}-{Environment.ProcessId}");

    static TestServers()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
    }

    public static Task<PostgresServer> PostgresAsync() => Postgres.Value;

    /// <summary>A new empty-but-migrated database for one test class, cloned from the template (~20 ms).</summary>
    public static async Task<string> CreateDatabaseAsync(string name)
    {
        var server = await PostgresAsync();
        // CREATE DATABASE … TEMPLATE needs the template to itself: one clone at a time.
        await CloneLock.WaitAsync();
        try
        {
            await server.CreateDatabaseAsync(name, TemplateDatabase);
        }
        finally
        {
            CloneLock.Release();
        }
        return server.ConnectionString(name);
    }

    /// <summary>A Redis-protocol server of one test class's own (redis-server ~15 ms, Garnet ~0.7 s).</summary>
    public static Task<RedisServer> StartRedisAsync() => RedisServer.StartAsync(FreePort.Next());

    private static async Task<PostgresServer> StartPostgresAsync()
    {
        RemoveLeftoversOfDeadRuns();
        Directory.CreateDirectory(RunDirectory);
        PostgresServer server;
        try
        {
            server = await PostgresServer.StartAsync(
                new PostgresServerOptions(Path.Combine(RunDirectory, "postgres"), FreePort.Next()) { Durable = false },
                CancellationToken.None);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The integration tests need a local Postgres server and could not start one: {ex.Message}", ex);
        }

        await server.CreateDatabaseAsync(TemplateDatabase);
        // No pooling: a pooled idle connection to the template would block every CREATE DATABASE … TEMPLATE.
        var options = new DbContextOptionsBuilder<TicketsDbContext>()
            .UseNpgsql(server.ConnectionString(TemplateDatabase) + ";Pooling=false").Options;
        await using var db = new TicketsDbContext(options);
        await DatabaseMigrator.MigrateAsync(db, CancellationToken.None);
        return server;
    }

    private static void StopAll()
    {
        if (Postgres.IsValueCreated && Postgres.Value.IsCompletedSuccessfully)
        {
            Postgres.Value.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        TryDelete(RunDirectory);
    }

    /// <summary>Folders of earlier runs whose process is gone (killed before it could clean up).</summary>
    private static void RemoveLeftoversOfDeadRuns()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), $"{Prefix}-*"))
        {
            if (int.TryParse(Path.GetFileName(directory)[(Prefix.Length + 1)..], out var pid) && !IsRunning(pid))
            {
                TryDelete(directory);
            }
        }
    }

    private static bool IsRunning(int pid) => Directory.Exists($"/proc/{pid}");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a folder left in /tmp is removed by the next run.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
