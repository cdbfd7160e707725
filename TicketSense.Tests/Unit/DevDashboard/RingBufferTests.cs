using TicketSense.AppHost.Dashboard;

namespace TicketSense.Tests.Unit.DevDashboard;

public sealed class RingBufferTests
{
    [Fact]
    public void Past_its_cap_it_drops_the_oldest_and_counts_them()
    {
        var buffer = new RingBuffer<int>(3);
        buffer.AddRange([1, 2]);
        Assert.Equal([1, 2], buffer.Snapshot());

        buffer.AddRange([3, 4, 5]);

        Assert.Equal([3, 4, 5], buffer.Snapshot());
        Assert.Equal(2, buffer.Dropped);
    }

    [Fact]
    public void A_cap_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RingBuffer<int>(0));
}
