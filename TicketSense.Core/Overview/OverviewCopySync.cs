using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketSense.Core.Data;

namespace TicketSense.Core.Overview;

/// <summary>Replaces this replica's <see cref="OverviewCopy"/> with each overview announced on <c>triage:overview:refreshed</c>.</summary>
public sealed class OverviewCopySync(RedisSubscription subscription, OverviewCopy copy, ILogger<OverviewCopySync> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var refreshes = await subscription.SubscribeAsync(RedisKeys.OverviewRefreshed, stoppingToken);
        refreshes.OnMessage(message =>
        {
            try
            {
                copy.Set(OverviewSnapshot.Parse((byte[])message.Message!));
            }
            catch (JsonException ex)
            {
                copy.Clear(); // the next read goes to Redis
                logger.LogWarning(ex, "An announced overview was unreadable; the copy is dropped");
            }
        });
    }
}
