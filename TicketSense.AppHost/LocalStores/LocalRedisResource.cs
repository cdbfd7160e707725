using Aspire.Hosting.ApplicationModel;

namespace TicketSense.AppHost.LocalStores;

/// <summary>
/// A Redis-protocol server run by DCP as a local process, in memory only on 127.0.0.1: <c>redis-server</c>, else
/// Garnet (<see cref="RedisCommand"/>). Its connection string is what Aspire's Redis resource gives: <c>host:port</c>.
/// </summary>
public sealed class LocalRedisResource(string name, string command)
    : ExecutableResource(name, command, Path.GetTempPath()), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
