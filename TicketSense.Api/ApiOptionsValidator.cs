using Microsoft.Extensions.Options;

namespace TicketSense.Api;

/// <summary>
/// <c>Api:MaxRequestBytes</c> within a range that can carry a ticket and cannot exhaust memory: zero or a negative value
/// would refuse every ticket, and Kestrel reads a body up to the limit. <c>Api:HeartbeatSeconds</c> short enough to keep
/// an idle <c>/events</c> stream open through proxies that close quiet connections (often after 60 s or more).
/// Each <c>Api:Keys</c> key long enough not to be guessed, and no two names sharing one key (its name would be ambiguous);
/// the messages name the key's name, never the key. <c>Api:RateLimit:PermitsPerSecond</c> above zero (zero would refuse
/// every write: leave it unset to turn the limit off) and within what a token bucket can refill; a burst of at least one.
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const long MinRequestBytes = 1_024;
    public const long MaxRequestBytes = 100 * 1_024 * 1_024;
    public const int MaxHeartbeatSeconds = 55;
    public const int MinKeyLength = 16;
    public const double MaxPermitsPerSecond = 100_000;

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBytes is < MinRequestBytes or > MaxRequestBytes)
            failures.Add($"Api:MaxRequestBytes must be between {MinRequestBytes} and {MaxRequestBytes}; it is {options.MaxRequestBytes}.");
        if (options.HeartbeatSeconds is < 1 or > MaxHeartbeatSeconds)
            failures.Add($"Api:HeartbeatSeconds must be between 1 and {MaxHeartbeatSeconds}; it is {options.HeartbeatSeconds}.");
        foreach (var (keyName, key) in options.Keys)
        {
            if (string.IsNullOrWhiteSpace(key) || key.Trim().Length < MinKeyLength)
                failures.Add($"Api:Keys:{keyName} must be at least {MinKeyLength} characters long.");
        }
        foreach (var shared in options.Keys.GroupBy(k => k.Value, StringComparer.Ordinal).Where(g => g.Count() > 1))
            failures.Add($"Api:Keys:{string.Join(" and Api:Keys:", shared.Select(k => k.Key))} hold the same key; give each caller its own.");
        if (options.RateLimit.PermitsPerSecond is { } permits and (<= 0 or > MaxPermitsPerSecond or double.NaN))
            failures.Add($"Api:RateLimit:PermitsPerSecond must be above 0 and at most {MaxPermitsPerSecond}; it is {permits}.");
        if (options.RateLimit.Burst is < 1)
            failures.Add($"Api:RateLimit:Burst must be at least 1; it is {options.RateLimit.Burst}.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
