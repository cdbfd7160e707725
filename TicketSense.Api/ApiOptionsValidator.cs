using Microsoft.Extensions.Options;

namespace TicketSense.Api;

/// <summary>
/// <c>Api:MaxRequestBytes</c> within a range that can carry a ticket and cannot exhaust memory: zero or a negative value
/// would refuse every ticket, and Kestrel reads a body up to the limit.
/// </summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    public const long MinRequestBytes = 1_024;
    public const long MaxRequestBytes = 100 * 1_024 * 1_024;

    public ValidateOptionsResult Validate(string? name, ApiOptions options) =>
        options.MaxRequestBytes is >= MinRequestBytes and <= MaxRequestBytes
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Api:MaxRequestBytes must be between {MinRequestBytes} and {MaxRequestBytes}; it is {options.MaxRequestBytes}.");
}
