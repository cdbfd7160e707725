using Microsoft.Extensions.Caching.Memory;

namespace TicketSense.Core.Data;

/// <summary>
/// How many tickets match a page's filters, counted at most once per <see cref="FreshFor"/> per filter, so a page is
/// one Postgres round trip. Writes in this process (a ticket stored, a triage recorded) drop every count at once; a
/// write elsewhere shows within <see cref="FreshFor"/>.
/// </summary>
public sealed class TicketCounts(IMemoryCache cache)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(1);

    private long _generation;

    /// <summary>The count for <paramref name="query"/>'s filters (its bounds and order ignored), from <paramref name="count"/> on a miss.</summary>
    public async Task<int> GetAsync(TicketQuery query, Func<Task<int>> count)
    {
        var key = (Generation: Interlocked.Read(ref _generation), Filters: query with { Limit = TicketQuery.DefaultLimit, Offset = 0, Order = TicketOrder.ReceivedAt });
        if (cache.TryGetValue(key, out int total)) return total;
        total = await count();
        cache.Set(key, total, FreshFor);
        return total;
    }

    /// <summary>Every count is stale: this process changed what the filters select.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}
