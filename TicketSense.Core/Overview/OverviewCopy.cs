using StackExchange.Redis;

namespace TicketSense.Core.Overview;

/// <summary>
/// This replica's in-process copy of <c>triage:overview</c>, replaced on each refresh here or announced on
/// <c>triage:overview:refreshed</c>. It is trusted only while Redis is connected: a replica cut off from the channel
/// cannot be told of refreshes, so it drops the copy when the connection fails and reads Redis (or Postgres) again.
/// </summary>
public sealed class OverviewCopy
{
    private readonly IConnectionMultiplexer _redis;
    private volatile OverviewSnapshot? _current;

    public OverviewCopy(IConnectionMultiplexer redis)
    {
        _redis = redis;
        redis.ConnectionFailed += (_, _) => Clear();
    }

    /// <summary>The copy, or null when there is none or it cannot be trusted.</summary>
    public OverviewSnapshot? Current => _redis.IsConnected ? _current : null;

    public void Set(OverviewSnapshot snapshot) => _current = snapshot;

    public void Clear() => _current = null;
}
