using Microsoft.Extensions.Options;
using TicketSense.Contracts;

namespace TicketSense.Core.Alerts;

/// <summary>A threshold of one would page on every ticket; a window of days is a trend, not a spike.</summary>
public sealed class SpikeOptionsValidator : IValidateOptions<SpikeOptions>
{
    public ValidateOptionsResult Validate(string? name, SpikeOptions options)
    {
        var failures = new List<string>();
        if (options.Threshold is < 2 or > 100_000)
        {
            failures.Add($"{SpikeOptions.Section}:Threshold must be between 2 and 100000; it is {options.Threshold}.");
        }
        if (options.Window < TimeSpan.FromMinutes(1) || options.Window > TimeSpan.FromDays(1))
        {
            failures.Add($"{SpikeOptions.Section}:Window must be between 00:01:00 and 1.00:00:00; it is {options.Window}.");
        }
        foreach (var category in options.Categories.Where(c => !WireNames.TryParse<Category>(c, out _)))
        {
            failures.Add($"{SpikeOptions.Section}:Categories holds \"{category}\", which is not one of {string.Join(", ", WireNames.All<Category>())}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
