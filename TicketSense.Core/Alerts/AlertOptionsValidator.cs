using Microsoft.Extensions.Options;
using TicketSense.Contracts;

namespace TicketSense.Core.Alerts;

/// <summary>
/// Every endpoint needs an absolute http(s) URL, a secret and valid label names; names must not repeat. Messages name
/// the setting and never quote a URL or a secret (either may hold a credential).
/// </summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var endpoint = options.Webhooks[i];
            var key = $"{AlertOptions.Section}:Webhooks:{i}";
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
                failures.Add($"{key}:Url must be an absolute http(s) URL.");
            if (string.IsNullOrWhiteSpace(endpoint.Secret))
                failures.Add($"{key}:Secret must be set.");
            failures.AddRange(endpoint.Priorities.Where(p => !WireNames.TryParse<Priority>(p, out _))
                .Select(p => $"{key}:Priorities: '{p}' is not one of {string.Join(", ", WireNames.All<Priority>())}."));
            failures.AddRange(endpoint.Sentiments.Where(s => !WireNames.TryParse<Sentiment>(s, out _))
                .Select(s => $"{key}:Sentiments: '{s}' is not one of {string.Join(", ", WireNames.All<Sentiment>())}."));
        }
        failures.AddRange(options.Webhooks.Select((e, i) => (e.EndpointName, i)).GroupBy(e => e.EndpointName).Where(g => g.Count() > 1)
            .Select(g => $"{AlertOptions.Section}:Webhooks {string.Join(", ", g.Select(e => e.i))} share one name; give each a distinct Name."));
        if (options.GiveUpAfter <= TimeSpan.Zero) failures.Add("Alerts:GiveUpAfter must be positive.");
        if (options.PollInterval <= TimeSpan.Zero) failures.Add("Alerts:PollInterval must be positive.");
        if (options.BackoffBase <= TimeSpan.Zero) failures.Add("Alerts:BackoffBase must be positive.");
        if (options.BackoffCap < options.BackoffBase) failures.Add("Alerts:BackoffCap must be at least Alerts:BackoffBase.");
        if (options.AttemptTimeout <= TimeSpan.Zero) failures.Add("Alerts:AttemptTimeout must be positive.");
        if (options.Concurrency is < 1 or > 64) failures.Add("Alerts:Concurrency must be between 1 and 64.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
