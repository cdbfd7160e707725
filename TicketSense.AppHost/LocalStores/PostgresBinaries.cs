namespace TicketSense.AppHost.LocalStores;

/// <summary>
/// The installed Postgres server (15 or later) and how to run it here: Postgres refuses to run as root, so as root its
/// binaries run as the <c>postgres</c> user through <c>setpriv</c>, which execs (a stop signal reaches postgres
/// itself). The AppHost's local Postgres resource and the tests' servers both start it this way.
/// </summary>
public static class PostgresBinaries
{
    public const int MinimumMajorVersion = 15;

    /// <summary>Set to the folder holding <c>initdb</c> and <c>postgres</c> to use a server installed elsewhere.</summary>
    public const string BinDirectoryVariable = "TICKETSENSE_POSTGRES_BIN";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> with N ≥ 15, or <c>TICKETSENSE_POSTGRES_BIN</c>.</summary>
    public static string FindBinDirectory()
    {
        if (Environment.GetEnvironmentVariable(BinDirectoryVariable) is { Length: > 0 } configured) return configured;
        var newest = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(version => (Major: int.TryParse(Path.GetFileName(version), out var major) ? major : 0, Bin: Path.Combine(version, "bin")))
                .Where(candidate => candidate.Major >= MinimumMajorVersion && File.Exists(Path.Combine(candidate.Bin, "postgres")))
                .OrderByDescending(candidate => candidate.Major)
                .Select(candidate => candidate.Bin)
                .FirstOrDefault()
            : null;
        return newest ?? throw new InvalidOperationException(
            $"No Postgres {MinimumMajorVersion}+ server found in /usr/lib/postgresql/*/bin. Install it (apt-get install postgresql), " +
            $"set {BinDirectoryVariable} to the folder holding initdb and postgres, or run with Docker (AppHost:Containers=true).");
    }

    /// <summary>The program that runs <c>postgres</c> here: <c>setpriv</c> as root, else the server itself.</summary>
    public static string ServerProgram(string binDirectory) => AsServerUser([Path.Combine(binDirectory, "postgres")]).FileName;

    /// <summary>
    /// The arguments of <see cref="ServerProgram"/> that run the server in the foreground on 127.0.0.1 only, without a
    /// Unix socket; <paramref name="port"/> is a number or an Aspire endpoint expression.
    /// </summary>
    public static object[] ServerArguments(string binDirectory, string dataDirectory, object port) => AsServerUser(
        [Path.Combine(binDirectory, "postgres"), "-D", dataDirectory, "-p", port,
         "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"]).Arguments;

    /// <summary>As root, <paramref name="command"/> wrapped to run as the <c>postgres</c> user; otherwise as it is.</summary>
    private static (string FileName, object[] Arguments) AsServerUser(object[] command) => IsRoot
        ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--reset-env", "--", .. command])
        : ((string)command[0], command[1..]);

    /// <summary>
    /// Runs <c>initdb</c> unless <paramref name="dataDirectory"/> already holds a cluster: the superuser
    /// <c>postgres</c>, trusted on 127.0.0.1 (the server listens nowhere else). As root, the folder is handed to the
    /// <c>postgres</c> user, which must be able to reach it through every parent.
    /// </summary>
    public static async Task InitializeAsync(string binDirectory, string dataDirectory, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION"))) return;
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Local Postgres runs on Linux or macOS only; on Windows use Docker (AppHost:Containers=true).");

        Directory.CreateDirectory(dataDirectory);
        if (IsRoot)
        {
            var blocked = UntraversableParent(dataDirectory);
            if (blocked is not null)
            {
                throw new InvalidOperationException(
                    $"The postgres user cannot reach {dataDirectory}: {blocked} is not traversable by other users. " +
                    "Set AppHost:DataDir to a folder under a traversable parent (e.g. /var/tmp/ticketsense).");
            }
            await ShortCommand.RunAsync("chown", ["-R", "postgres:postgres", dataDirectory], Path.GetTempPath(),
                "The postgres user must own the data folder.", cancellationToken);
        }
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var (fileName, arguments) = AsServerUser(
            [Path.Combine(binDirectory, "initdb"), "-D", dataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        await ShortCommand.RunAsync(fileName, arguments.Select(argument => (string)argument), Path.GetTempPath(), $"initdb could not create {dataDirectory}.", cancellationToken);
    }

    /// <summary>The first parent of <paramref name="path"/> that other users cannot traverse (as under <c>/root</c>), or null.</summary>
    public static string? UntraversableParent(string path)
    {
        if (OperatingSystem.IsWindows()) return null;
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(path)); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            if (Directory.Exists(parent) && !File.GetUnixFileMode(parent).HasFlag(UnixFileMode.OtherExecute)) return parent;
        }
        return null;
    }
}
