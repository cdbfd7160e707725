using TicketSense.Contracts;

namespace TicketSense.Core.Tickets;

/// <summary>
/// What <see cref="TicketIntake.SubmitAsync"/> did with a submitted ticket. A closed set (the constructor is
/// private): each case is one answer of <c>POST /tickets</c>, and nothing else can happen short of a bug.
/// </summary>
public abstract record IntakeOutcome
{
    private IntakeOutcome()
    {
    }

    /// <summary>Stored, and triaged unless the triage failed: then its triage is null and the worker completes it.</summary>
    public sealed record Created(TicketResponse Ticket) : IntakeOutcome;

    /// <summary>Refused before anything was written: every bad field with its reasons.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeOutcome;

    /// <summary>The id was taken; the stored ticket is unchanged.</summary>
    public sealed record DuplicateId(string Id) : IntakeOutcome;

    /// <summary>Postgres could not be reached; nothing was written, so the client may simply try again.</summary>
    public sealed record DatabaseUnavailable : IntakeOutcome;
}
