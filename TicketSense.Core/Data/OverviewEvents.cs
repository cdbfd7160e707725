using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TicketSense.Core.Data;

/// <summary>
/// The <c>triage:overview:refreshed</c> channel: the OverviewResponse JSON of each refresh, so every replica replaces
/// its in-process copy without a read. Best effort, like <see cref="TriageEvents"/>: Redis's key stays the record.
/// </summary>
public sealed class OverviewEvents(IConnectionMultiplexer redis, ILogger<OverviewEvents> logger)
{
    public async Task PublishRefreshedAsync(byte[] overviewJson)
    {
        if (!redis.IsConnected) return;
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.OverviewRefreshed, overviewJson);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Announcing the overview refresh failed; other replicas keep their copy");
        }
    }
}
