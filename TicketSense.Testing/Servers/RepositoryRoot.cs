namespace TicketSense.Testing.Servers;

/// <summary>The TicketSense checkout: the nearest folder holding <c>TicketSense.sln</c>, above the binaries or the working directory.</summary>
public static class RepositoryRoot
{
    public static string Find() =>
        FindAbove(AppContext.BaseDirectory) ?? FindAbove(Directory.GetCurrentDirectory())
        ?? throw new InvalidOperationException(
            $"TicketSense.sln not found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}: run from inside the TicketSense checkout.");

    private static string? FindAbove(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TicketSense.sln"))) return directory.FullName;
        }
        return null;
    }
}
