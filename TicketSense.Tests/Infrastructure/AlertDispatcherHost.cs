using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketSense.Core.Data;
using TicketSense.Worker.Alerts;

namespace TicketSense.Tests.Infrastructure;

/// <summary>
/// A Worker's webhook dispatcher over a test's storage, as the Worker registers it, with fast polls and backoff so
/// tests need no long waits. Disposing the host stops it mid-way, as a killed Worker stops.
/// </summary>
public static class AlertDispatcherHost
{
    public const string Secret = "whsec-test-3f9a";

    /// <summary>Alerts settings for one endpoint at <paramref name="receiver"/>, with the fast timings.</summary>
    public static Dictionary<string, string?> Settings(WebhookReceiver receiver, int concurrency = 4) => new()
    {
        ["Alerts:Webhooks:0:Url"] = receiver.Url,
        ["Alerts:Webhooks:0:Secret"] = Secret,
        ["Alerts:PollInterval"] = "00:00:00.200",
        ["Alerts:BackoffBase"] = "00:00:00.100",
        ["Alerts:BackoffCap"] = "00:00:00.400",
        ["Alerts:AttemptTimeout"] = "00:00:03",
        ["Alerts:Concurrency"] = concurrency.ToString(),
    };

    /// <summary>The endpoint name the outbox keys deliveries by: the URL without its query string.</summary>
    public static string EndpointName(WebhookReceiver receiver) => $"http://127.0.0.1:{receiver.Port}/hooks";

    public static async Task<IHost> StartAsync(StorageFixture storage, IReadOnlyDictionary<string, string?> settings)
    {
        var host = StorageFixture.BuildHost(storage.TicketsConnectionString, storage.CacheConnectionString, builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.AddTicketSenseAlertDispatch();
        });
        host.Services.GetRequiredService<DatabaseState>().MarkMigrated(); // the storage fixture's database is cloned migrated
        await host.StartAsync();
        return host;
    }
}
