using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TicketSense.Core.Data;

/// <summary>
/// The <c>triage:events</c> channel: the id of each ticket just triaged. Best effort — a missed event only delays
/// the overview refresh and the live dashboard, while Postgres keeps the triage itself.
/// </summary>
public sealed class TriageEvents(IConnectionMultiplexer redis, ILogger<TriageEvents> logger)
{
    public async Task PublishTriagedAsync(string ticketId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!redis.IsConnected)
        {
            logger.LogWarning("Redis is unreachable; the triage of ticket {TicketId} is not announced", ticketId);
            return;
        }
        try
        {
            await redis.GetSubscriber().PublishAsync(RedisKeys.TriageEvents, ticketId);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Publishing the triage of ticket {TicketId} failed", ticketId);
        }
    }
}
