using System.Diagnostics;
using System.ComponentModel;

namespace TicketSense.AppHost;

/// <summary>
/// Whether Postgres and Redis run as Aspire's containers: <c>AppHost:Containers</c> when set, else when a Docker
/// engine answers. Without an engine Aspire's container resources never start and everything waiting on them waits
/// for ever, so the choice is made before the model is built. A published manifest always declares containers: it
/// must not carry this machine's binaries and paths.
/// </summary>
public static class ContainerEngine
{
    public const string Setting = "AppHost:Containers";

    public static bool UseContainers(IDistributedApplicationBuilder builder) =>
        builder.ExecutionContext.IsPublishMode || (builder.Configuration.GetValue<bool?>(Setting) ?? DockerAnswers());

    private static bool DockerAnswers()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", ["info", "--format", "{{.ServerVersion}}"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null) return false;
            if (docker.WaitForExit(TimeSpan.FromSeconds(10))) return docker.ExitCode == 0;
            docker.Kill(entireProcessTree: true);
            return false;
        }
        catch (Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}
