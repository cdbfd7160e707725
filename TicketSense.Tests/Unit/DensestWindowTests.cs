using TicketSense.Core.Alerts;

namespace TicketSense.Tests.Unit;

public sealed class DensestWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset[] Minutes(params double[] minutes) => [.. minutes.Select(m => T0.AddMinutes(m))];

    [Fact]
    public void The_densest_run_shorter_than_the_window_is_found_wherever_it_lies()
    {
        var window = DensestWindow.Of(Minutes(0, 20, 21, 22, 30, 34, 60), TimeSpan.FromMinutes(15));
        Assert.Equal((5, T0.AddMinutes(20), T0.AddMinutes(34)), (window.Count, window.First, window.Last));
    }

    [Fact]
    public void Arrivals_exactly_one_window_apart_are_not_in_one_window()
    {
        Assert.Equal(1, DensestWindow.Of(Minutes(0, 15, 30), TimeSpan.FromMinutes(15)).Count);
        Assert.Equal(2, DensestWindow.Of(Minutes(0, 14.9, 30), TimeSpan.FromMinutes(15)).Count);
    }

    [Fact]
    public void No_arrivals_count_zero()
    {
        Assert.Equal(0, DensestWindow.Of([], TimeSpan.FromMinutes(15)).Count);
    }
}
