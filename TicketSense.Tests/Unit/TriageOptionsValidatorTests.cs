using TicketSense.Contracts;
using TicketSense.Core.Triage;

namespace TicketSense.Tests.Unit;

public sealed class TriageOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(TriageOptions options) =>
        new TriageOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void The_defaults_are_valid_and_resolve_to_local_without_a_key()
    {
        var options = new TriageOptions();

        Assert.Empty(Failures(options));
        Assert.Equal(TriageMode.Local, ActiveTriageMode.Resolve(options).Mode);
        Assert.Equal(TriageMode.Llm, ActiveTriageMode.Resolve(new TriageOptions { ApiKey = "k" }).Mode);
        Assert.Equal(TriageMode.Local, ActiveTriageMode.Resolve(new TriageOptions { ApiKey = "k", Mode = TriageMode.Local }).Mode);
    }

    [Fact]
    public void Each_bad_setting_is_named()
    {
        var options = new TriageOptions
        {
            Mode = TriageMode.Llm,
            Endpoint = "not a url",
            PrimaryModel = " ",
            Timeouts = new TriageTimeoutOptions { Attempt = TimeSpan.FromSeconds(60), Total = TimeSpan.FromSeconds(30), CircuitBreakerSampling = TimeSpan.FromSeconds(90) },
        };

        var failures = string.Join("\n", Failures(options));

        Assert.Contains("Triage:ApiKey", failures);
        Assert.Contains("Triage:Endpoint", failures);
        Assert.Contains("Triage:PrimaryModel", failures);
        Assert.Contains("Triage:Timeouts:Total", failures);
        Assert.Contains("Triage:Timeouts:CircuitBreakerSampling", failures);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void A_review_threshold_outside_0_to_1_is_named(double threshold)
    {
        Assert.Contains(Failures(new TriageOptions { ReviewThreshold = threshold }), f => f.StartsWith("Triage:ReviewThreshold", StringComparison.Ordinal));
        Assert.Empty(Failures(new TriageOptions { ReviewThreshold = 1 }));
    }

    [Fact]
    public void The_key_never_appears_in_the_options_text()
    {
        var options = new TriageOptions { ApiKey = "gsk_secret_value_123" };

        Assert.DoesNotContain("gsk_secret_value_123", options.ToString());
        Assert.Contains("ApiKey=set", options.ToString());
    }
}
