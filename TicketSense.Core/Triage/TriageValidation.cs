using TicketSense.Contracts;

namespace TicketSense.Core.Triage;

/// <summary>The outcome of <see cref="TriageValidator.Validate"/>: the normalised output, or why it was refused.</summary>
public sealed record TriageValidation(TriageOutput? Output, IReadOnlyList<string> Errors)
{
    public bool IsValid => Output is not null;

    public static TriageValidation Accepted(TriageOutput output) => new(output, []);

    public static TriageValidation Refused(IReadOnlyList<string> errors) => new(null, errors);
}
