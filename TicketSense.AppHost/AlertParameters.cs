namespace TicketSense.AppHost;

/// <summary>
/// The AppHost's own <c>Alerts:*</c> settings (user-secrets, <c>Alerts__Webhooks__0__Url</c>, the command line) as Aspire
/// parameters, passed to the api and the worker as <c>Alerts__*</c> (both write the outbox; the worker sends it). Each
/// webhook's <c>Secret</c> and <c>Url</c> (whose query string may hold a token) is a secret parameter, masked in the
/// dashboard. Without an <c>Alerts</c> section nothing is passed and no alert is raised.
/// </summary>
public sealed class AlertParameters
{
    private const string Section = "Alerts";

    private readonly List<(string Variable, IResourceBuilder<ParameterResource> Parameter)> _settings = [];

    public static AlertParameters FromConfiguration(IDistributedApplicationBuilder builder)
    {
        var parameters = new AlertParameters();
        foreach (var (key, value) in builder.Configuration.GetSection(Section).AsEnumerable().Where(setting => setting.Value is not null))
        {
            var secret = key.EndsWith(":Secret", StringComparison.OrdinalIgnoreCase) || key.EndsWith(":Url", StringComparison.OrdinalIgnoreCase);
            var parameter = builder.AddParameter(TriageParameters.ParameterName(key), value!, secret: secret);
            parameters._settings.Add((key.Replace(":", "__", StringComparison.Ordinal), parameter));
        }
        return parameters;
    }

    public IResourceBuilder<ProjectResource> ApplyTo(IResourceBuilder<ProjectResource> project)
    {
        foreach (var (variable, parameter) in _settings) project.WithEnvironment(variable, parameter);
        return project;
    }
}
