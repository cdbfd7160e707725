using Microsoft.Extensions.Options;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Api.Access;
using TicketSense.Api.Errors;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Tickets;
using TicketSense.Core.Triage;

namespace TicketSense.Api.Tickets;

/// <summary><c>/tickets</c>: submit a ticket (stored first, then triaged), list, read, re-triage, correct, and its history.</summary>
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
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireWriteAccess();

        group.MapGet("/", ListAsync)
            .WithName("ListTickets")
            .WithSummary("List tickets, newest first")
            .WithDescription("Pages of tickets with their triage. limit 1–100 (default 20), offset ≥ 0; filters priority, " +
                "category, sentiment (exact values), q (case-insensitive subject search); order received_at (default) or created_at.")
            .RequireReadAccess();

        group.MapGet("/{id}", GetAsync)
            .WithName("GetTicket")
            .WithSummary("Read one ticket with its triage")
            .RequireReadAccess();

        group.MapPost("/{id}/triage", RetriageAsync)
            .WithName("RetriageTicket")
            .WithSummary("Triage a ticket again, past the cache")
            .WithDescription("Asks the models again and records their answer in the history. It becomes the ticket's triage, " +
                "except for the fields a human corrected: those stay.")
            .RequireWriteAccess();

        group.MapPatch("/{id}/triage", CorrectAsync)
            .WithName("CorrectTriage")
            .WithSummary("Correct a ticket's triage")
            .WithDescription("Sets any of priority, category, sentiment, summary and tags (at least one); reviewer (1–100 " +
                "characters) is required, note (at most 1,000) optional. The fields named become human, confidence 1, and " +
                "no later model answer replaces them; the others stay as the model gave them. 400 names every invalid field; " +
                "404 for an unknown ticket; 409 when the ticket has no triage yet and the correction does not name all three labels.")
            .Accepts<TriageCorrectionRequest>("application/json")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .RequireWriteAccess();

        group.MapGet("/{id}/history", HistoryAsync)
            .WithName("GetTriageHistory")
            .WithSummary("Every triage and correction of a ticket, newest first")
            .WithDescription("Each model answer as the model gave it, and each correction as the whole triage right after it, " +
                "with who made it and their note. 404 for an unknown ticket.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireReadAccess();

        return group;
    }

    /// <summary>The intake's outcome as HTTP: each case has exactly one answer.</summary>
    private static async Task<Results<Created<TicketResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        TicketRequest? request, TicketIntake intake, HttpResponse response, CancellationToken cancellationToken) =>
        await intake.SubmitAsync(request, cancellationToken) switch
        {
            IntakeOutcome.Created created => TypedResults.Created($"/tickets/{Uri.EscapeDataString(created.Ticket.Id)}", created.Ticket),
            IntakeOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The ticket is invalid."),
            IntakeOutcome.DuplicateId duplicate => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A ticket with this id exists.",
                detail: $"Ticket '{duplicate.Id}' was submitted before; the stored ticket is unchanged. Read it at /tickets/{duplicate.Id}.",
                extensions: new Dictionary<string, object?> { ["id"] = duplicate.Id }),
            IntakeOutcome.DatabaseUnavailable => StorageUnavailableProblem.Result(response),
            var other => throw new UnreachableException($"Unexpected intake outcome {other.GetType().Name}."),
        };

    private static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListAsync(
        [AsParameters] TicketListQuery query, TicketRepository tickets, IOptions<TriageOptions> triage, CancellationToken cancellationToken)
    {
        var (valid, errors) = query.Validate(triage.Value.ReviewThreshold);
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

    /// <summary>The correction's outcome as HTTP: each case has exactly one answer.</summary>
    private static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        string id, TriageCorrectionRequest? request, TriageCorrections corrections, CancellationToken cancellationToken) =>
        await corrections.CorrectAsync(id, request, cancellationToken) switch
        {
            CorrectionOutcome.Corrected corrected => TypedResults.Ok(corrected.Ticket),
            CorrectionOutcome.Invalid invalid => TypedResults.ValidationProblem(invalid.Errors, title: "The correction is invalid."),
            CorrectionOutcome.NoSuchTicket missing => NotFound(missing.Id),
            CorrectionOutcome.LabelsRequired pending => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The ticket has no triage yet.",
                detail: $"Ticket '{pending.Id}' is still pending: a correction must name priority, category and sentiment " +
                    "until a triage exists. Nothing was written.",
                extensions: new Dictionary<string, object?> { ["id"] = pending.Id }),
            var other => throw new UnreachableException($"Unexpected correction outcome {other.GetType().Name}."),
        };

    private static async Task<Results<Ok<TriageHistory>, ProblemHttpResult>> HistoryAsync(
        string id, TicketRepository tickets, TriageRepository records, CancellationToken cancellationToken)
    {
        if (await tickets.GetAsync(id, cancellationToken) is null) return NotFound(id);

        var history = await records.HistoryAsync(id, cancellationToken);
        return TypedResults.Ok(new TriageHistory([.. history.Select(h => h.ToItem())]));
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such ticket.",
        detail: $"There is no ticket with id '{id}'.");
}
