using System.Text.Json;

namespace TicketSense.AppHost.LocalStores;

/// <summary>
/// How to run a Redis-protocol server here, in memory only on 127.0.0.1: <c>redis-server</c> from PATH, else Garnet
/// (Microsoft Research's Redis-compatible server), the <c>garnet-server</c> tool pinned in the repository's tool
/// manifest, restored on first use. Both take <c>--port N</c> after <see cref="Arguments"/>.
/// </summary>
public sealed record RedisCommand(string Kind, string FileName, string[] Arguments)
{
    private const string GarnetPackage = "garnet-server";

    public static async Task<RedisCommand> ResolveAsync(string repositoryRoot, CancellationToken cancellationToken) =>
        RedisServer() ?? await GarnetAsync(repositoryRoot, cancellationToken);

    /// <summary><c>redis-server</c> when it is on PATH, else null.</summary>
    public static RedisCommand? RedisServer() => FindOnPath("redis-server") is { } redis
        ? new RedisCommand("redis-server", redis, ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"])
        : null;

    /// <summary>Garnet from the repository's tool manifest, restored first when the package cache lacks it.</summary>
    public static async Task<RedisCommand> GarnetAsync(string repositoryRoot, CancellationToken cancellationToken)
    {
        var version = ReadPinnedVersion(Path.Combine(repositoryRoot, ".config", "dotnet-tools.json"));
        var dll = FindGarnetDll(version);
        if (dll is null)
        {
            await ShortCommand.RunAsync("dotnet", ["tool", "restore"], repositoryRoot,
                "redis-server is not on PATH and Garnet (the fallback) did not restore: apt-get install redis-server.", cancellationToken);
            dll = FindGarnetDll(version) ?? throw new InvalidOperationException(
                $"redis-server is not on PATH and the {GarnetPackage} {version} tool did not restore: apt-get install redis-server, " +
                $"or run `dotnet tool restore` in {repositoryRoot}.");
        }
        // The tool's dll itself, not `dotnet tool run`, which would put another process between the caller and Garnet.
        return new RedisCommand("garnet", "dotnet", [dll, "--bind", "127.0.0.1"]);
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

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);
}
