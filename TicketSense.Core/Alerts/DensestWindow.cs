namespace TicketSense.Core.Alerts;

/// <summary>The most arrivals that fit in one window: a spike is a count in some window, whatever order the tickets were triaged in.</summary>
public readonly record struct DensestWindow(int Count, DateTimeOffset First, DateTimeOffset Last)
{
    /// <summary>The densest run of <paramref name="arrivals"/> (sorted ascending) spanning less than <paramref name="window"/>.</summary>
    public static DensestWindow Of(IReadOnlyList<DateTimeOffset> arrivals, TimeSpan window)
    {
        var best = new DensestWindow(0, default, default);
        for (int start = 0, end = 0; end < arrivals.Count; end++)
        {
            while (arrivals[end] - arrivals[start] >= window) start++;
            if (end - start + 1 > best.Count) best = new DensestWindow(end - start + 1, arrivals[start], arrivals[end]);
        }
        return best;
    }
}
