using System.Diagnostics;

namespace TicketSense.Tests.Infrastructure;

/// <summary>Waiting for what another process or a background service does: the condition is asked again until it holds.</summary>
public static class Poll
{
    /// <summary>Fails the test when <paramref name="condition"/> does not hold within <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < timeout, $"The condition did not hold within {timeout.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }
}
