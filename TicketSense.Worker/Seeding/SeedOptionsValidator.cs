using Microsoft.Extensions.Options;

namespace TicketSense.Worker.Seeding;

/// <summary><c>Seed:Path</c>, when set, must exist: a missing folder used to load zero tickets without a word.</summary>
public sealed class SeedOptionsValidator : IValidateOptions<SeedOptions>
{
    public ValidateOptionsResult Validate(string? name, SeedOptions options) =>
        string.IsNullOrWhiteSpace(options.Path) || Directory.Exists(options.Path) || File.Exists(options.Path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Seed:Path must be an existing folder or file; \"{Path.GetFullPath(options.Path)}\" is neither.");
}
