using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace TicketSense.Api.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with one policy, <see cref="WritePolicy"/>, which <c>RequireWriteAccess()</c> puts on
/// every write endpoint: a token bucket per API key name (per client IP address when the caller has no key), decided by
/// <c>Api:RateLimit</c>; when that is unset the policy lets everything through.
/// </summary>
public static class RateLimitRegistration
{
    public const string WritePolicy = "writes";

    /// <summary>
    /// The partitioned limiter's own timer replenishes every bucket each 100 ms, so a refill smaller than that
    /// would be no finer in practice.
    /// </summary>
    private static readonly TimeSpan FinestRefill = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddTicketSenseRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<ApiOptions>>((limiter, api) =>
        {
            var limit = api.Value.RateLimit;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitedProblem.WriteAsync;
            limiter.AddPolicy(WritePolicy, http => limit.PermitsPerSecond is { } permitsPerSecond
                ? RateLimitPartition.GetTokenBucketLimiter(CallerOf(http), _ => Bucket(permitsPerSecond, limit.BucketSize))
                : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    /// <summary>The key's name when the caller authenticated (so callers behind one proxy do not share a bucket), else its IP address.</summary>
    private static string CallerOf(HttpContext http) =>
        http.User.Identity is { IsAuthenticated: true, Name: { } name }
            ? $"key:{name}"
            : $"ip:{http.Connection.RemoteIpAddress}";

    /// <summary>
    /// Refills in whole tokens, each period the time those tokens take at <paramref name="permitsPerSecond"/>, no shorter
    /// than <see cref="FinestRefill"/>: the rate is exact whether it is 0.5 or 100,000 a second.
    /// </summary>
    private static TokenBucketRateLimiterOptions Bucket(double permitsPerSecond, int size)
    {
        var tokensPerRefill = Math.Max(1, (int)Math.Ceiling(permitsPerSecond * FinestRefill.TotalSeconds));
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = size,
            TokensPerPeriod = tokensPerRefill,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerRefill / permitsPerSecond),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
