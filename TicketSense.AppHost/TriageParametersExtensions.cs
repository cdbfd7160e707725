namespace TicketSense.AppHost;

public static class TriageParametersExtensions
{
    /// <summary>Gives <paramref name="project"/> every <c>Triage:*</c> setting of the AppHost, the key as a secret.</summary>
    public static IResourceBuilder<ProjectResource> WithTriageSettings(this IResourceBuilder<ProjectResource> project, TriageParameters triage) =>
        triage.ApplyTo(project);
}
