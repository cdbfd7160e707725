using TicketSense.Core.Alerts;

namespace TicketSense.Tests.Unit;

public sealed class SpikeOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid_and_watch_every_category()
    {
        var options = new SpikeOptions();
        Assert.True(new SpikeOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.Watches(Contracts.Category.General));
    }

    [Theory]
    [InlineData(1, "00:15:00", "technical", "Alerts:Spike:Threshold")]
    [InlineData(10, "00:00:30", "technical", "Alerts:Spike:Window")]
    [InlineData(10, "2.00:00:00", "technical", "Alerts:Spike:Window")]
    [InlineData(10, "00:15:00", "Technical", "Alerts:Spike:Categories")]
    [InlineData(10, "00:15:00", "outage", "Alerts:Spike:Categories")]
    public void A_bad_setting_fails_the_start_naming_it(int threshold, string window, string category, string named)
    {
        var result = new SpikeOptionsValidator().Validate(null, new SpikeOptions
        {
            Threshold = threshold,
            Window = TimeSpan.Parse(window),
            Categories = [category],
        });
        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage);
    }

    [Fact]
    public void Disabled_or_unlisted_categories_are_not_watched()
    {
        Assert.False(new SpikeOptions { Enabled = false }.Watches(Contracts.Category.Technical));
        Assert.False(new SpikeOptions { Categories = ["billing"] }.Watches(Contracts.Category.Technical));
        Assert.True(new SpikeOptions { Categories = ["billing", "technical"] }.Watches(Contracts.Category.Technical));
    }
}
