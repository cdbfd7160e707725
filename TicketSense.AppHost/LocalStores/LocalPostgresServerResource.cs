using Aspire.Hosting.ApplicationModel;

namespace TicketSense.AppHost.LocalStores;

/// <summary>
/// A Postgres server run by DCP as a local process over the installed binaries (no container engine needed), with
/// its cluster in <see cref="DataDirectory"/>. Trusts connections on 127.0.0.1, where alone it listens.
/// </summary>
public sealed class LocalPostgresServerResource(string name, string command, string dataDirectory)
    : ExecutableResource(name, command, Path.GetTempPath()), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Resource name → database name, created once the server is healthy.</summary>
    internal Dictionary<string, string> Databases { get; } = new(StringComparer.OrdinalIgnoreCase);

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host={PrimaryEndpoint.Property(EndpointProperty.Host)};Port={PrimaryEndpoint.Property(EndpointProperty.Port)};Username=postgres");
}
