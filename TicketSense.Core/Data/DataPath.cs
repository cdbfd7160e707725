namespace TicketSense.Core.Data;

/// <summary>
/// Where <c>data/</c> is: <c>Data:Path</c> when configured, else the copy placed beside the binaries at build time,
/// so it is found whatever the working directory.
/// </summary>
public static class DataPath
{
    public const string ConfigurationKey = "Data:Path";

    public static string Resolve(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(AppContext.BaseDirectory, "data") : Path.GetFullPath(configured);
}
