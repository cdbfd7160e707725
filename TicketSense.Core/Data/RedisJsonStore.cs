using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary>
/// JSON values in Redis with a time to live, as a cache only: when Redis is unreachable (or holds something
/// unreadable) a read is a miss and a write is skipped and logged, because Postgres holds the truth.
/// </summary>
public sealed class RedisJsonStore(IConnectionMultiplexer redis, ILogger<RedisJsonStore> logger)
{
    public async Task<T?> GetAsync<T>(RedisKey key, CancellationToken cancellationToken) where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!redis.IsConnected) return null; // fail fast while Redis is down: a miss now beats a timeout later
        try
        {
            var json = await redis.GetDatabase().StringGetAsync(key);
            return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>(json.ToString(), TicketSenseJson.Options);
        }
        catch (Exception ex) when (ex is RedisException or JsonException)
        {
            logger.LogWarning(ex, "Reading {RedisKey} failed; treating it as a cache miss", key.ToString());
            return null;
        }
    }

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="timeToLive"/>; false when Redis could not take it.</summary>
    public async Task<bool> SetAsync<T>(RedisKey key, T value, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!redis.IsConnected) return false;
        try
        {
            var json = JsonSerializer.Serialize(value, TicketSenseJson.Options);
            return await redis.GetDatabase().StringSetAsync(key, json, timeToLive);
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Writing {RedisKey} failed; Postgres keeps the record", key.ToString());
            return false;
        }
    }
}
