namespace TicketSense.AppHost;

/// <summary>
/// The AppHost's access settings passed on as Aspire parameters: each <c>Api:Keys:NAME</c> to the api as a secret
/// parameter (masked in the dashboard), <c>Api:RequireKeyForReads</c>, and each <c>Web:Users:NAME</c> password hash to
/// the web. With any key configured the web gets a key of its own, <c>Api:Keys:dashboard</c> (generated once and kept
/// in the AppHost's user secrets), as <c>Web:ApiKey</c>. Without keys nothing is passed: the system runs open on localhost.
/// A published manifest always has keys: without configured ones it declares <c>api-key-client</c>, a secret parameter
/// the deployment fills in, beside the dashboard's.
/// </summary>
public sealed class AccessParameters
{
    private const string DashboardKeyName = "dashboard";
    private const string PublishedClientKeyName = "client";

    private readonly List<(string Variable, IResourceBuilder<ParameterResource> Parameter)> _api = [];
    private readonly List<(string Variable, IResourceBuilder<ParameterResource> Parameter)> _web = [];

    public static AccessParameters FromConfiguration(IDistributedApplicationBuilder builder)
    {
        var access = new AccessParameters();
        var keys = builder.Configuration.GetSection("Api:Keys").GetChildren().Where(k => !string.IsNullOrEmpty(k.Value))
            .Select(k => (Name: k.Key, Parameter: builder.AddParameter($"api-key-{Slug(k.Key)}", k.Value!, secret: true))).ToList();
        // A deployment is never open: its manifest asks for a client key, whose value the deployment supplies.
        if (keys.Count == 0 && builder.ExecutionContext.IsPublishMode)
            keys.Add((PublishedClientKeyName, builder.AddParameter($"api-key-{PublishedClientKeyName}", secret: true)));
        foreach (var key in keys)
            access._api.Add(($"Api__Keys__{key.Name}", key.Parameter));
        if (keys.Count > 0)
        {
            var dashboardKey = keys.Any(k => k.Name == DashboardKeyName)
                ? access._api.Single(a => a.Variable == $"Api__Keys__{DashboardKeyName}").Parameter
                : builder.AddParameter($"api-key-{DashboardKeyName}", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
            if (keys.All(k => k.Name != DashboardKeyName)) access._api.Add(($"Api__Keys__{DashboardKeyName}", dashboardKey));
            access._web.Add(("Web__ApiKey", dashboardKey));
        }
        if (builder.Configuration["Api:RequireKeyForReads"] is { Length: > 0 } reads)
            access._api.Add(("Api__RequireKeyForReads", builder.AddParameter("api-requirekeyforreads", reads)));
        foreach (var user in builder.Configuration.GetSection("Web:Users").GetChildren().Where(u => !string.IsNullOrEmpty(u.Value)))
            access._web.Add(($"Web__Users__{user.Key}", builder.AddParameter($"web-user-{Slug(user.Key)}", user.Value!, secret: true)));
        return access;
    }

    public IResourceBuilder<ProjectResource> ApplyToApi(IResourceBuilder<ProjectResource> api) => Apply(api, _api);

    public IResourceBuilder<ProjectResource> ApplyToWeb(IResourceBuilder<ProjectResource> web) => Apply(web, _web);

    private static IResourceBuilder<ProjectResource> Apply(IResourceBuilder<ProjectResource> project, List<(string Variable, IResourceBuilder<ParameterResource> Parameter)> settings)
    {
        foreach (var (variable, parameter) in settings) project.WithEnvironment(variable, parameter);
        return project;
    }

    /// <summary>Resource names are letters, digits and hyphens.</summary>
    private static string Slug(string name) => string.Concat(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-'));
}
