using Microsoft.Extensions.Options;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// <c>Triage:LocalModelCache</c> is a folder (created at the first save). A path that is a file would only show up as a
/// warning after the first training, and every start would train again: refuse it at start instead. The retraining
/// count and the poll interval are checked against their ranges.
/// </summary>
public sealed class LocalTriageModelOptionsValidator : IValidateOptions<LocalTriageModelOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalTriageModelOptions options)
    {
        var failures = new List<string>();
        if (options.RetrainEvery is < 1 or > 100_000)
            failures.Add($"Triage:RetrainEvery must be between 1 and 100000; it is {options.RetrainEvery}.");
        if (options.ModelPollSeconds is < 0.05 or > 60 || double.IsNaN(options.ModelPollSeconds))
            failures.Add($"Triage:ModelPollSeconds must be between 0.05 and 60; it is {options.ModelPollSeconds}.");
        if (!string.IsNullOrWhiteSpace(options.LocalModelCache))
        {
            if (options.LocalModelCache.Contains('\0'))
                failures.Add("Triage:LocalModelCache is not a valid path.");
            else if (File.Exists(options.CacheFolder))
                failures.Add($"Triage:LocalModelCache must be a folder; \"{options.CacheFolder}\" is a file.");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
