using TicketSense.Contracts;

namespace TicketSense.Core.Overview;

/// <summary>
/// The normalised window of a trend: <see cref="From"/> floored to the start of its bucket, <see cref="To"/> as given
/// (exclusive), both UTC. Buckets are fixed lengths in UTC (no daylight saving), weeks start on Monday 00:00Z (ISO).
/// A record, so equal windows are one cache key.
/// </summary>
public sealed record TrendWindow
{
    public const int MaxBuckets = 1000;

    /// <summary>The window when no <c>from</c> is given: this long before <c>to</c>.</summary>
    public static readonly TimeSpan DefaultSpan = TimeSpan.FromDays(30);

    /// <summary>The earliest and latest instants accepted, far from <see cref="DateTime"/>'s limits so flooring never overflows.</summary>
    public static readonly DateTime Earliest = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Latest = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private TrendWindow(TrendBucket bucket, DateTime from, DateTime to) => (Bucket, From, To) = (bucket, from, to);

    public TrendBucket Bucket { get; }

    public DateTime From { get; }

    public DateTime To { get; }

    /// <summary>The window from <paramref name="from"/>'s bucket start to <paramref name="to"/>; check <see cref="CountBuckets"/> first.</summary>
    public static TrendWindow Create(TrendBucket bucket, DateTime from, DateTime to)
    {
        var (start, end) = (Floor(from, bucket), AsUtc(to));
        if (start >= end) throw new ArgumentOutOfRangeException(nameof(to), "The window is empty.");
        if (CountBuckets(bucket, from, to) > MaxBuckets) throw new ArgumentOutOfRangeException(nameof(to), $"The window holds more than {MaxBuckets} buckets.");
        return new TrendWindow(bucket, start, end);
    }

    /// <summary>How many buckets <c>[floor(from), to)</c> touches, the last one possibly cut short by <paramref name="to"/>.</summary>
    public static long CountBuckets(TrendBucket bucket, DateTime from, DateTime to)
    {
        var span = (AsUtc(to) - Floor(from, bucket)).Ticks;
        var length = Length(bucket).Ticks;
        return span <= 0 ? 0 : (span + length - 1) / length;
    }

    /// <summary>The default <c>to</c>: now rounded up to the next whole minute, so requests within a minute share a cache entry.</summary>
    public static DateTime DefaultTo(DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var remainder = ticks % TimeSpan.TicksPerMinute;
        return new DateTime(remainder == 0 ? ticks : ticks - remainder + TimeSpan.TicksPerMinute, DateTimeKind.Utc);
    }

    /// <summary>The start of the bucket holding <paramref name="instant"/>, in UTC.</summary>
    public static DateTime Floor(DateTime instant, TrendBucket bucket)
    {
        var utc = AsUtc(instant);
        return bucket switch
        {
            TrendBucket.Hour => new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerHour, DateTimeKind.Utc),
            TrendBucket.Day => DateTime.SpecifyKind(utc.Date, DateTimeKind.Utc),
            TrendBucket.Week => DateTime.SpecifyKind(utc.Date.AddDays(-(((int)utc.DayOfWeek + 6) % 7)), DateTimeKind.Utc),
            _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
        };
    }

    public static TimeSpan Length(TrendBucket bucket) => bucket switch
    {
        TrendBucket.Hour => TimeSpan.FromHours(1),
        TrendBucket.Day => TimeSpan.FromDays(1),
        TrendBucket.Week => TimeSpan.FromDays(7),
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, null),
    };

    /// <summary>A local time converted; an unspecified one taken as UTC, never as this server's zone.</summary>
    private static DateTime AsUtc(DateTime instant) =>
        instant.Kind == DateTimeKind.Local ? instant.ToUniversalTime() : DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    /// <summary>The start of every bucket in the window, in order.</summary>
    public IEnumerable<DateTime> Starts()
    {
        for (var start = From; start < To; start += Length(Bucket)) yield return start;
    }
}
