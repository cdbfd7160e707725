namespace TicketSense.Worker.Commands;

/// <summary>
/// Configuration settings on the command line (<c>--Worker:Concurrency 4</c>, <c>--Triage:Mode=local</c>), before or
/// after any command, go to the host as its command-line configuration; the rest is the command line proper, which
/// System.CommandLine parses strictly so that a mistyped command or option is an error. A setting is told by the colon
/// of its section path, which no option of ours has.
/// </summary>
public static class HostSettings
{
    public static (string[] CommandLine, string[] Settings) Split(IReadOnlyList<string> args)
    {
        List<string> commandLine = [], settings = [];
        for (var i = 0; i < args.Count; i++)
        {
            if (!IsSetting(args[i]))
            {
                commandLine.Add(args[i]);
                continue;
            }
            settings.Add(args[i]);
            if (!args[i].Contains('=') && i + 1 < args.Count) settings.Add(args[++i]); // --Key value
        }
        return ([.. commandLine], [.. settings]);
    }

    private static bool IsSetting(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Split('=', 2)[0].Contains(':');
}
