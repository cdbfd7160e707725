namespace TicketSense.AppHost;

public static class ParameterExtensions
{
    /// <summary>Gives <paramref name="project"/> every <c>Triage:*</c> setting of the AppHost, the key as a secret.</summary>
    public static IResourceBuilder<ProjectResource> WithTriageSettings(this IResourceBuilder<ProjectResource> project, TriageParameters triage) =>
        triage.ApplyTo(project);

    /// <summary>Gives <paramref name="project"/> every <c>Alerts:*</c> setting of the AppHost, URLs and secrets as secret parameters.</summary>
    public static IResourceBuilder<ProjectResource> WithAlertSettings(this IResourceBuilder<ProjectResource> project, AlertParameters alerts) =>
        alerts.ApplyTo(project);

    /// <summary>Gives the api its keys (secret parameters) and <c>Api:RequireKeyForReads</c>.</summary>
    public static IResourceBuilder<ProjectResource> WithAccessSettings(this IResourceBuilder<ProjectResource> api, AccessParameters access) =>
        access.ApplyToApi(api);

    /// <summary>Gives the web its own key and its users' password hashes (secret parameters).</summary>
    public static IResourceBuilder<ProjectResource> WithWebAccessSettings(this IResourceBuilder<ProjectResource> web, AccessParameters access) =>
        access.ApplyToWeb(web);
}
