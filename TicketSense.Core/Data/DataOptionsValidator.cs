using Microsoft.Extensions.Options;

namespace TicketSense.Core.Data;

/// <summary><c>Data:Path</c> must lead to a folder: without one, the local model cannot train and the start should say so.</summary>
public sealed class DataOptionsValidator : IValidateOptions<DataOptions>
{
    public ValidateOptionsResult Validate(string? name, DataOptions options)
    {
        if (Directory.Exists(options.Folder)) return ValidateOptionsResult.Success;
        return ValidateOptionsResult.Fail(string.IsNullOrWhiteSpace(options.Path)
            ? $"Data:Path is not set and there is no data folder beside the binaries (\"{options.Folder}\")."
            : $"Data:Path must be an existing folder; \"{options.Folder}\" is not one.");
    }
}
