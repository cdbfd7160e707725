using TicketSense.Core.Alerts;

namespace TicketSense.Tests.Unit;

/// <summary><c>Alerts</c> settings are checked at start; messages name the setting and never quote a URL or a secret.</summary>
public sealed class AlertOptionsValidatorTests
{
    private static AlertEndpointOptions Valid() => new() { Url = "https://hooks.example.com/in?token=tok-123", Secret = "whsec-456" };

    private static IEnumerable<string> Failures(AlertOptions options) =>
        new AlertOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void No_endpoints_and_a_valid_endpoint_pass()
    {
        Assert.Empty(Failures(new AlertOptions()));
        Assert.Empty(Failures(new AlertOptions { Webhooks = [Valid()] }));
    }

    [Fact]
    public void Each_bad_setting_is_named_without_its_value()
    {
        var options = new AlertOptions
        {
            Webhooks =
            [
                new AlertEndpointOptions { Url = "ftp://tok-123@hooks.example.com/in", Secret = " " },
                new AlertEndpointOptions { Url = "https://b.example.com/", Secret = "whsec-456", Priorities = ["urgent"], Sentiments = ["Angry"] },
            ],
            BackoffCap = TimeSpan.FromMilliseconds(1),
        };

        var failures = Failures(options).ToList();

        Assert.Contains("Alerts:Webhooks:0:Url must be an absolute http(s) URL.", failures);
        Assert.Contains("Alerts:Webhooks:0:Secret must be set.", failures);
        Assert.Contains(failures, f => f.StartsWith("Alerts:Webhooks:1:Priorities: 'urgent'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Alerts:Webhooks:1:Sentiments: 'Angry'", StringComparison.Ordinal));
        Assert.Contains("Alerts:BackoffCap must be at least Alerts:BackoffBase.", failures);
        Assert.All(failures, f => Assert.DoesNotContain("tok-123", f));
        Assert.All(failures, f => Assert.DoesNotContain("whsec-456", f));
    }

    [Fact]
    public void Two_endpoints_with_one_name_are_refused()
    {
        var failures = Failures(new AlertOptions { Webhooks = [Valid(), Valid()] });

        Assert.Contains(failures, f => f.Contains("share one name", StringComparison.Ordinal));
    }
}
