using TicketSense.Core.Alerts;

namespace TicketSense.Tests.Unit;

/// <summary>The outbox's retry wait: doubling from the base, capped (30 s by default).</summary>
public sealed class AlertBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(60, 30)]
    [InlineData(int.MaxValue, 30)]
    public void The_wait_doubles_after_each_failure_up_to_the_cap(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AlertBackoff.After(attempts, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)));
    }
}
