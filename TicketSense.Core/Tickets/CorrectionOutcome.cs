using TicketSense.Contracts;

namespace TicketSense.Core.Tickets;

/// <summary>
/// What <see cref="TriageCorrections.CorrectAsync"/> did. A closed set: each case is one answer of
/// <c>PATCH /tickets/{id}/triage</c>.
/// </summary>
public abstract record CorrectionOutcome
{
    private CorrectionOutcome()
    {
    }

    /// <summary>Written, with its history entry: the ticket as it now reads.</summary>
    public sealed record Corrected(TicketResponse Ticket) : CorrectionOutcome;

    /// <summary>Refused before anything was written: every bad field with its reasons.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : CorrectionOutcome;

    public sealed record NoSuchTicket(string Id) : CorrectionOutcome;

    /// <summary>The ticket has no triage yet, and the correction does not name all three labels; nothing was written.</summary>
    public sealed record LabelsRequired(string Id) : CorrectionOutcome;
}
