using Microsoft.Extensions.Options;
using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>The rules between settings that attributes cannot express; each failure names its key.</summary>
public sealed class TriageOptionsValidator : IValidateOptions<TriageOptions>
{
    public ValidateOptionsResult Validate(string? name, TriageOptions options)
    {
        var failures = new List<string>();
        if (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            failures.Add($"Triage:Endpoint must be an absolute http(s) URL; it is \"{options.Endpoint}\".");
        if (string.IsNullOrWhiteSpace(options.PrimaryModel))
            failures.Add("Triage:PrimaryModel must be set.");
        if (string.IsNullOrWhiteSpace(options.FallbackModel))
            failures.Add("Triage:FallbackModel must be set.");
        if (options.Retry.MaxRetries is < 0 or > 10)
            failures.Add("Triage:Retry:MaxRetries must be between 0 and 10.");
        if (options.Mode == TriageMode.Llm && string.IsNullOrWhiteSpace(options.ApiKey))
            failures.Add("Triage:Mode is llm but Triage:ApiKey is not set (user-secrets or the Triage__ApiKey environment variable).");
        if (options.Retry.BaseDelay < TimeSpan.Zero)
            failures.Add("Triage:Retry:BaseDelay must not be negative.");
        if (options.Timeouts.Attempt <= TimeSpan.Zero)
            failures.Add("Triage:Timeouts:Attempt must be positive.");
        if (options.Timeouts.Total < options.Timeouts.Attempt)
            failures.Add("Triage:Timeouts:Total must be at least Triage:Timeouts:Attempt.");
        if (options.Timeouts.CircuitBreakerSampling < 2 * options.Timeouts.Attempt)
            failures.Add("Triage:Timeouts:CircuitBreakerSampling must be at least twice Triage:Timeouts:Attempt.");
        if (options.ReviewThreshold is <= 0 or > 1 || double.IsNaN(options.ReviewThreshold))
            failures.Add($"Triage:ReviewThreshold must be above 0 and at most 1; it is {options.ReviewThreshold}.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
