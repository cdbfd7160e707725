using TicketSense.Contracts;
using TicketSense.Core.Overview;

namespace TicketSense.Tests.Unit;

/// <summary>The trend window's arithmetic: UTC buckets, Monday weeks, the default <c>to</c>, the bucket count.</summary>
public sealed class TrendWindowTests
{
    [Theory]
    [InlineData("2026-03-08T23:59:59Z", TrendBucket.Week, "2026-03-02T00:00:00Z")] // Sunday: the Monday before
    [InlineData("2026-03-09T00:00:00Z", TrendBucket.Week, "2026-03-09T00:00:00Z")] // Monday midnight: itself
    [InlineData("2026-03-04T00:30:00+01:00", TrendBucket.Day, "2026-03-03T00:00:00Z")] // 23:30Z the day before
    [InlineData("2026-03-04T09:59:59.9999999Z", TrendBucket.Hour, "2026-03-04T09:00:00Z")]
    public void Floor_is_the_start_of_the_utc_bucket(string instant, TrendBucket bucket, string start)
    {
        var floored = TrendWindow.Floor(DateTimeOffset.Parse(instant).UtcDateTime, bucket);

        Assert.Equal(DateTimeOffset.Parse(start).UtcDateTime, floored);
        Assert.Equal(DateTimeKind.Utc, floored.Kind);
    }

    [Theory]
    [InlineData("2026-03-04T09:15:00.0000001Z", "2026-03-04T09:16:00Z")]
    [InlineData("2026-03-04T09:15:59Z", "2026-03-04T09:16:00Z")]
    [InlineData("2026-03-04T09:15:00Z", "2026-03-04T09:15:00Z")]
    public void The_default_to_is_now_rounded_up_to_the_whole_minute(string now, string to) =>
        Assert.Equal(DateTimeOffset.Parse(to).UtcDateTime, TrendWindow.DefaultTo(DateTimeOffset.Parse(now)));

    [Fact]
    public void A_window_counts_a_partial_last_bucket_and_starts_at_the_floored_from()
    {
        var from = new DateTime(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);
        var to = new DateTime(2026, 3, 6, 6, 0, 0, DateTimeKind.Utc);

        var window = TrendWindow.Create(TrendBucket.Day, from, to);

        Assert.Equal(3, TrendWindow.CountBuckets(TrendBucket.Day, from, to));
        Assert.Equal([new DateTime(2026, 3, 4), new DateTime(2026, 3, 5), new DateTime(2026, 3, 6)], window.Starts());
        Assert.Equal(TrendWindow.Create(TrendBucket.Day, from.AddHours(3), to), window); // one cache key per normalised window
        Assert.Throws<ArgumentOutOfRangeException>(() => TrendWindow.Create(TrendBucket.Hour, from, from.AddHours(TrendWindow.MaxBuckets + 1)));
    }
}
