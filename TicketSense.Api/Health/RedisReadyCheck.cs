using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TicketSense.Api.Health;

/// <summary>Ready when Redis answers PING.</summary>
public sealed class RedisReadyCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis: answering in {latency.TotalMilliseconds:0} ms.");
        }
        catch (RedisException ex)
        {
            return HealthCheckResult.Unhealthy($"Redis: unreachable ({ex.Message}).");
        }
    }
}
