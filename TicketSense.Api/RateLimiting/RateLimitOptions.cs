namespace TicketSense.Api.RateLimiting;

/// <summary>
/// <c>Api:RateLimit</c>: a token bucket per caller on the write endpoints, so one client (a runaway script, a retry
/// loop) cannot fill the database or keep the LLM busy for everyone. Off unless <see cref="PermitsPerSecond"/> is set.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary><c>Api:RateLimit:PermitsPerSecond</c>: the writes each caller may make per second, sustained; unset: no limit.</summary>
    public double? PermitsPerSecond { get; set; }

    /// <summary>
    /// <c>Api:RateLimit:Burst</c>: the writes a caller may make at once after being quiet (the bucket's size);
    /// unset: <see cref="PermitsPerSecond"/> rounded up, at least 1.
    /// </summary>
    public int? Burst { get; set; }

    public bool Enabled => PermitsPerSecond is not null;

    /// <summary>The bucket's size: <see cref="Burst"/>, or a second's worth of permits (at least one) when unset.</summary>
    public int BucketSize => Burst ?? Math.Max(1, (int)Math.Ceiling(PermitsPerSecond ?? 1));
}
