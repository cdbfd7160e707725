using TicketSense.Contracts;

namespace TicketSense.Core.Data;

/// <summary><c>triage:overview</c> → OverviewResponse JSON for 24 hours: the dashboard's main read as one Redis GET.</summary>
public sealed class OverviewStore(RedisJsonStore store)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(24);

    public Task<OverviewResponse?> GetAsync(CancellationToken cancellationToken) =>
        store.GetAsync<OverviewResponse>(RedisKeys.Overview, cancellationToken);

    /// <summary>Stores <paramref name="overview"/>; false when Redis could not take it.</summary>
    public Task<bool> SetAsync(OverviewResponse overview, CancellationToken cancellationToken) =>
        store.SetAsync(RedisKeys.Overview, overview, TimeToLive, cancellationToken);
}
