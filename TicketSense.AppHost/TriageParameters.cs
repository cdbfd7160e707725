namespace TicketSense.AppHost;

/// <summary>
/// The AppHost's own <c>Triage:*</c> settings (user-secrets, <c>Triage__ApiKey</c>, the command line) as Aspire
/// parameters, passed to the api and the worker as <c>Triage__*</c>. The key is always a secret parameter — masked in
/// the dashboard — and empty when unset, which means local mode: a missing key never blocks or prompts at start.
/// </summary>
public sealed class TriageParameters
{
    private const string Section = "Triage";
    private const string ApiKeySetting = "Triage:ApiKey";

    private readonly List<(string Variable, IResourceBuilder<ParameterResource> Parameter)> _settings = [];

    public static TriageParameters FromConfiguration(IDistributedApplicationBuilder builder)
    {
        var parameters = new TriageParameters();
        var configured = builder.Configuration.GetSection(Section).AsEnumerable()
            .Where(setting => setting.Value is not null && !string.Equals(setting.Key, ApiKeySetting, StringComparison.OrdinalIgnoreCase));
        foreach (var (key, value) in configured)
        {
            parameters.Add(key, builder.AddParameter(ParameterName(key), value!));
        }
        parameters.Add(ApiKeySetting, builder.AddParameter(ParameterName(ApiKeySetting), builder.Configuration[ApiKeySetting] ?? "", secret: true));
        return parameters;
    }

    public IResourceBuilder<ProjectResource> ApplyTo(IResourceBuilder<ProjectResource> project)
    {
        foreach (var (variable, parameter) in _settings) project.WithEnvironment(variable, parameter);
        return project;
    }

    private void Add(string key, IResourceBuilder<ParameterResource> parameter) =>
        _settings.Add((key.Replace(":", "__", StringComparison.Ordinal), parameter));

    /// <summary><c>Triage:Retry:MaxAttempts</c> → <c>triage-retry-maxattempts</c>: resource names are letters, digits and hyphens.</summary>
    internal static string ParameterName(string key) =>
        string.Concat(key.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Replace("--", "-", StringComparison.Ordinal);
}
