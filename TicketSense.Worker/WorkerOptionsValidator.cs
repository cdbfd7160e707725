using Microsoft.Extensions.Options;

namespace TicketSense.Worker;

/// <summary>
/// Each <c>Worker</c> setting within its range, named when it is not: a zero concurrency or sweep used to be raised to 1
/// silently, which hid the mistake.
/// </summary>
public sealed class WorkerOptionsValidator : IValidateOptions<WorkerOptions>
{
    // Past 64 parallel triages the LLM provider's rate limit, not the worker, sets the pace.
    public const int MaxConcurrency = 64;

    public ValidateOptionsResult Validate(string? name, WorkerOptions options)
    {
        var failures = new List<string>();
        if (options.Concurrency is < 1 or > MaxConcurrency)
            failures.Add($"Worker:Concurrency must be between 1 and {MaxConcurrency}; it is {options.Concurrency}.");
        if (options.SweepSeconds is < 1 or > 3600)
            failures.Add($"Worker:SweepSeconds must be between 1 and 3600; it is {options.SweepSeconds}.");
        if (options.LeaseSeconds is < 1 or > 86_400)
            failures.Add($"Worker:LeaseSeconds must be between 1 and 86400; it is {options.LeaseSeconds}.");
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
