using System.Text.Json;

namespace TicketSense.AppHost.Processes;

/// <summary>How to start a Redis-protocol server here: <c>redis-server</c> from PATH, else the pinned Garnet tool.</summary>
internal sealed record RedisLaunch(string Kind, string FileName, string[] Arguments, Func<int, string[]> PortArguments)
{
    private const string GarnetPackage = "garnet-server";
    private static readonly SemaphoreSlim ResolveLock = new(1, 1);
    private static RedisLaunch? _resolved;

    public static async Task<RedisLaunch> ResolveAsync(CancellationToken cancellationToken)
    {
        await ResolveLock.WaitAsync(cancellationToken);
        try
        {
            return _resolved ??= FindOnPath("redis-server") is { } redis
                ? new RedisLaunch("redis-server", redis, ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                    port => ["--port", port.ToString()])
                : await GarnetAsync(cancellationToken);
        }
        finally
        {
            ResolveLock.Release();
        }
    }

    private static async Task<RedisLaunch> GarnetAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot.Find();
        var manifest = Path.Combine(root, ".config", "dotnet-tools.json");
        var version = ReadPinnedVersion(manifest);
        var dll = FindGarnetDll(version);
        if (dll is null)
        {
            await ShortCommand.RunAsync("dotnet", ["tool", "restore"], root,
                "redis-server is not on PATH and Garnet (the fallback) did not restore: apt-get install redis-server.", cancellationToken);
            dll = FindGarnetDll(version) ?? throw new InvalidOperationException(
                $"redis-server not found on PATH and the {GarnetPackage} {version} tool did not restore: apt-get install redis-server, " +
                $"or run `dotnet tool restore` in {root}.");
        }
        // Run the tool's dll directly (not `dotnet tool run`, which would put another process between us and Garnet).
        return new RedisLaunch("garnet", "dotnet", [dll, "--bind", "127.0.0.1"], port => ["--port", port.ToString()]);
    }

    private static string ReadPinnedVersion(string manifest)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("tools").GetProperty(GarnetPackage).GetProperty("version").GetString()
            ?? throw new InvalidOperationException($"{manifest} pins no {GarnetPackage} version.");
    }

    private static string? FindGarnetDll(string version)
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var tools = Path.Combine(packages, GarnetPackage, version, "tools");
        return Directory.Exists(tools)
            ? Directory.EnumerateFiles(tools, "GarnetServer.dll", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
    }

    public static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
