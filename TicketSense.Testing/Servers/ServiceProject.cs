namespace TicketSense.Testing.Servers;

/// <summary>
/// A TicketSense service as the AppHost runs it: its built dll (<c>dotnet X.dll</c>, never <c>dotnet run</c>, which
/// would rebuild in parallel and lock <c>obj/</c>), from the same configuration the AppHost itself was built in.
/// </summary>
public static class ServiceProject
{
    public static string DllPath(string repositoryRoot, string project)
    {
        // AppContext.BaseDirectory is …/TicketSense.AppHost/bin/<Configuration>/<tfm>/.
        var tfmDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDirectory.Parent?.Name ?? "Debug";
        var dll = Path.Combine(repositoryRoot, project, "bin", configuration, tfmDirectory.Name, project + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"{dll} is not built: run `dotnet build TicketSense.sln -c {configuration}` first.");
    }
}
