using Microsoft.Extensions.Options;

namespace TicketSense.Core.Triage.Local;

/// <summary>
/// <c>Triage:LocalModelCache</c> is a folder (created at the first save). A path that is a file would only show up as a
/// warning after the first training, and every start would train again: refuse it at start instead.
/// </summary>
public sealed class LocalTriageModelOptionsValidator : IValidateOptions<LocalTriageModelOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalTriageModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.LocalModelCache)) return ValidateOptionsResult.Success;
        if (options.LocalModelCache.Contains('\0'))
            return ValidateOptionsResult.Fail("Triage:LocalModelCache is not a valid path.");
        return File.Exists(options.CacheFolder)
            ? ValidateOptionsResult.Fail($"Triage:LocalModelCache must be a folder; \"{options.CacheFolder}\" is a file.")
            : ValidateOptionsResult.Success;
    }
}
