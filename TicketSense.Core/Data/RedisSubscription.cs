using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace TicketSense.Core.Data;

/// <summary>
/// Subscribes to a Redis channel, retrying every <see cref="RetryDelay"/> while Redis is down, so a service starts and
/// serves without it. Only the first subscription needs this: the multiplexer re-subscribes after reconnects by itself.
/// </summary>
public sealed class RedisSubscription(IConnectionMultiplexer redis, TimeProvider time, ILogger<RedisSubscription> logger)
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    /// <summary>The channel's messages, in order, once subscribed; ends only by <paramref name="cancellationToken"/>.</summary>
    public async Task<ChannelMessageQueue> SubscribeAsync(RedisChannel channel, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await redis.GetSubscriber().SubscribeAsync(channel);
            }
            catch (RedisException ex)
            {
                logger.LogWarning("Subscribing to {Channel} failed, retrying in {RetryDelay}: {Reason}", channel.ToString(), RetryDelay, ex.Message);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }
}
