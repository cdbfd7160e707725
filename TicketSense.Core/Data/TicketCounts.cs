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

    /// <summary>
    /// The count for <paramref name="query"/>'s filters (its bounds and order ignored), from <paramref name="count"/> on
    /// a miss. The count in progress is what is cached, so the readers arriving meanwhile wait for it instead of each
    /// counting again; a failed count is dropped at once.
    /// </summary>
    public async Task<int> GetAsync(TicketQuery query, Func<Task<int>> count)
    {
        var key = (Generation: Interlocked.Read(ref _generation), Filters: query with { Limit = TicketQuery.DefaultLimit, Offset = 0, Order = TicketOrder.ReceivedAt });
        var counting = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = FreshFor;
            return count();
        })!;
        try
        {
            return await counting;
        }
        catch
        {
            cache.Remove(key);
            throw;
        }
    }

    /// <summary>Every count is stale: this process changed what the filters select.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}
