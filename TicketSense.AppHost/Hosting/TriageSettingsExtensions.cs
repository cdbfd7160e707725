using Microsoft.Extensions.Configuration;

namespace TicketSense.AppHost.Hosting;

/// <summary>Passes the AppHost's <c>Triage:*</c> settings on to a service as <c>Triage__*</c> environment variables.</summary>
public static class TriageSettingsExtensions
{
    public static ProjectResource WithTriageSettings(this ProjectResource resource, AppHostSettings settings)
    {
        foreach (var (key, value) in settings.Configuration.GetSection("Triage").AsEnumerable())
        {
            if (value is not null) resource.WithEnvironment(key.Replace(":", "__"), value);
        }
        return resource;
    }
}
