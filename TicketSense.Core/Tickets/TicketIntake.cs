using Microsoft.Extensions.Logging;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Core.Tickets;

/// <summary>
/// A submitted ticket's way in: validated, stored together with a claim, triaged, released. Stored first, so nothing
/// is lost: a triage that fails leaves the ticket pending, and the worker's sweep completes it.
/// </summary>
public sealed class TicketIntake(TriageClaimRepository claims, TriageService triage, CallerIdentity caller, ILogger<TicketIntake> logger)
{
    // Longer than the worst triage (two LLM tiers of 180 s each, then the local model); a crashed Api's claim expires.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    // Only the Api submits tickets; the name says which process holds a claim that outlived it.
    private static readonly string Claimant = $"api:{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<IntakeOutcome> SubmitAsync(TicketRequest? request, CancellationToken cancellationToken)
    {
        var (valid, errors) = TicketRequestValidator.Validate(request);
        if (valid is null) return new IntakeOutcome.Invalid(errors);
        var ticket = new Ticket
        {
            Id = valid.Id, Sender = valid.Sender, Subject = valid.Subject, Body = valid.Body, ReceivedAt = valid.ReceivedAt,
            CreatedBy = caller.Name, Origin = TicketOrigin.Api,
        };

        AddTicketResult added;
        try
        {
            // Claimed in the insert itself, so the worker (woken by the insert) leaves this ticket to us while we triage it.
            added = await claims.AddClaimedAsync(ticket, Claimant, ClaimLease, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && StorageFailure.IsUnavailable(ex))
        {
            logger.LogWarning("Ticket {TicketId} was not stored, Postgres is unavailable: {Reason}", ticket.Id, ex.Message);
            return new IntakeOutcome.DatabaseUnavailable();
        }
        if (added.Stored is not { } stored) return new IntakeOutcome.DuplicateId(ticket.Id);

        var outcome = await TriageThenReleaseAsync(stored, cancellationToken);
        return new IntakeOutcome.Created(
            new TicketWithTriage(stored, null).ToResponse() with { Triage = outcome?.Output, TriageMeta = outcome?.Meta });
    }

    /// <summary>The triage of the stored ticket, or null when it failed (the ticket stays pending for the worker).</summary>
    private async Task<TriageOutcome?> TriageThenReleaseAsync(Ticket stored, CancellationToken cancellationToken)
    {
        try
        {
            return await triage.TriageNewAsync(stored, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Triage of new ticket {TicketId} failed; it stays pending for the worker", stored.Id);
            return null;
        }
        finally
        {
            // Released whatever happened: a ticket left pending is the worker's at its next sweep. Should the release
            // itself fail, the lease expires by itself.
            try
            {
                await claims.ReleaseAsync(stored.Id, Claimant, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "The intake's claim on {TicketId} was not released; it expires in {Lease}", stored.Id, ClaimLease);
            }
        }
    }
}
