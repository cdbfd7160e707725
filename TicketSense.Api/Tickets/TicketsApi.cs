using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Core.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Api.Tickets;

/// <summary><c>/tickets</c>: submit a ticket (stored first, then triaged), list, read, and re-triage.</summary>
public static class TicketsApi
{
    public static RouteGroupBuilder MapTickets(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/tickets").WithTags("Tickets");

        group.MapPost("/", CreateAsync)
            .WithName("CreateTicket")
            .WithSummary("Submit a ticket and triage it")
            .WithDescription("Stores the ticket first (nothing is lost), then triages it. 201 with the triage; if triage " +
                "fails unexpectedly the ticket stays stored with \"triage\": null and the worker completes it. " +
                "400 names every invalid field; 409 when the id exists (the stored ticket is unchanged); 413 when the body is too large.")
            .Accepts<TicketRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        group.MapGet("/", ListAsync)
            .WithName("ListTickets")
            .WithSummary("List tickets, newest first")
            .WithDescription("Pages of tickets with their triage. limit 1–100 (default 20), offset ≥ 0; filters priority, " +
                "category, sentiment (exact values), q (case-insensitive subject search); order received_at (default) or created_at.");

        group.MapGet("/{id}", GetAsync)
            .WithName("GetTicket")
            .WithSummary("Read one ticket with its triage");

        group.MapPost("/{id}/triage", RetriageAsync)
            .WithName("RetriageTicket")
            .WithSummary("Triage a ticket again, past the cache")
            .WithDescription("Asks the models again and replaces the ticket's triage record.");

        return group;
    }

    // Longer than the worst triage (two LLM tiers of 180 s each, then the local model); a crashed Api's claim expires.
    private static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private static readonly string Claimant = $"api:{Environment.MachineName}:{Environment.ProcessId}";

    private static async Task<Results<Created<TicketResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TicketRequest? request, TriageClaimRepository claims, TriageService triage, ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var (ticket, errors) = TicketRequestValidator.Validate(request);
        if (ticket is null) return TypedResults.ValidationProblem(errors, title: "The ticket is invalid.");

        // Stored together with a claim, so the worker (woken by the insert) leaves this ticket to us while we triage it.
        var added = await claims.AddClaimedAsync(ticket, Claimant, ClaimLease, cancellationToken);
        if (added.Stored is not { } stored)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A ticket with this id exists.",
                detail: $"Ticket '{ticket.Id}' was submitted before; the stored ticket is unchanged. Read it at /tickets/{ticket.Id}.",
                extensions: new Dictionary<string, object?> { ["id"] = ticket.Id });
        }

        TriageOutcome? outcome = null;
        try
        {
            outcome = await triage.TriageNewAsync(stored, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The ticket is stored: answer 201 with a pending triage; the worker's sweep completes it.
            loggers.CreateLogger(typeof(TicketsApi)).LogError(ex, "Triage of new ticket {TicketId} failed; it stays pending for the worker", stored.Id);
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
                loggers.CreateLogger(typeof(TicketsApi)).LogWarning(ex, "The Api's claim on {TicketId} was not released; it expires in {Lease}", stored.Id, ClaimLease);
            }
        }
        var response = new TicketWithTriage(stored, null).ToResponse() with { Triage = outcome?.Output, TriageMeta = outcome?.Meta };
        return TypedResults.Created($"/tickets/{Uri.EscapeDataString(stored.Id)}", response);
    }

    private static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListAsync(
        [AsParameters] TicketListQuery query, TicketRepository tickets, CancellationToken cancellationToken)
    {
        var (valid, errors) = query.Validate();
        if (valid is null) return TypedResults.ValidationProblem(errors, title: "The query is invalid.");

        var (items, total) = await tickets.PageAsync(valid, cancellationToken);
        return TypedResults.Ok(new TicketPage([.. items.Select(i => i.ToResponse())], total, valid.Limit, valid.Offset));
    }

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetAsync(
        string id, TicketRepository tickets, CancellationToken cancellationToken) =>
        await tickets.GetAsync(id, cancellationToken) is { } found
            ? TypedResults.Ok(found.ToResponse())
            : NotFound(id);

    private static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> RetriageAsync(
        string id, TicketRepository tickets, TriageService triage, CancellationToken cancellationToken)
    {
        if (await tickets.GetAsync(id, cancellationToken) is not { } found) return NotFound(id);

        var outcome = await triage.TriageAsync(found.Ticket, force: true, cancellationToken);
        return TypedResults.Ok(found.ToResponse() with { Triage = outcome.Output, TriageMeta = outcome.Meta });
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such ticket.",
        detail: $"There is no ticket with id '{id}'.");
}
