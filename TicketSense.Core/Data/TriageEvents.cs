using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// The <c>triage:events</c> channel: the id of each ticket just triaged. Best effort — a missed event only delays
/// the overview refresh and the live dashboard, while Postgres keeps the triage itself.
/// </summary>
public sealed class TriageEvents(IConnectionMultiplexer redis, ILogger<TriageEvents> logger)
{
    /// <summary>
    /// Raised in this process for each triage it records, with the ticket as the API answers it, before the id goes
    /// out on the channel: a listener here needs no read to show it.
    /// </summary>
    public event Action<TicketResponse>? TriagedHere;

    public async Task PublishTriagedAsync(TicketResponse ticket, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TriagedHere?.Invoke(ticket);
        var ticketId = ticket.Id;
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
