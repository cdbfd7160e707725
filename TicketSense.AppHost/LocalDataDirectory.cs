using System.Security.Cryptography;
using System.Text;
using TicketSense.AppHost.LocalStores;

namespace TicketSense.AppHost;

/// <summary>
/// Where a local store keeps its data between runs: <c>AppHost:DataDir</c> (tests give each app its own), else the
/// git-ignored <c>.apphost/</c> beside the AppHost. Postgres runs as the <c>postgres</c> user when the AppHost runs as
/// root, so a checkout under a folder that user cannot traverse (as <c>/root</c>) keeps its data under
/// <c>/var/tmp/ticketsense/</c> instead, one folder per checkout; the resource's log says which.
/// </summary>
public static class LocalDataDirectory
{
    public const string Setting = "AppHost:DataDir";

    public static string For(IDistributedApplicationBuilder builder, string store)
    {
        if (builder.Configuration[Setting] is { Length: > 0 } configured) return Path.Combine(Path.GetFullPath(configured), store);

        var beside = Path.Combine(builder.AppHostDirectory, ".apphost", store);
        if (!PostgresBinaries.IsRoot || PostgresBinaries.UntraversableParent(beside) is null) return beside;

        var checkout = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.AppHostDirectory)))[..12];
        return Path.Combine("/var/tmp/ticketsense", checkout, store);
    }
}
