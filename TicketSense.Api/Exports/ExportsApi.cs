using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TicketSense.Api.Access;
using TicketSense.Api.Tickets;
using TicketSense.Core.Data;
using TicketSense.Core.Triage;

namespace TicketSense.Api.Exports;

/// <summary><c>/exports</c>: ticket data in bulk, for spreadsheets and other tools, streamed whatever its size.</summary>
public static class ExportsApi
{
    /// <summary>Rows written between flushes: the client sees progress, and the writer's buffer stays small.</summary>
    private const int RowsPerFlush = 200;

    public static RouteGroupBuilder MapExports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/exports").WithTags("Exports");

        // Every ticket's content in one answer: as guarded as a write, and counted against the caller's rate limit.
        group.MapGet("/tickets.csv", ExportTicketsAsync)
            .WithName("ExportTicketsCsv")
            .WithSummary("Every ticket matching the filters, as CSV")
            .WithDescription("The filters of GET /tickets (priority, category, sentiment, q, order, needs_review), with the " +
                "same 400 for a bad value; no paging: limit and offset are ignored. RFC 4180 text/csv, one header line and " +
                "a line per ticket; a cell starting with =, +, -, @, tab or CR gets a leading ' so no spreadsheet runs it.")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .RequireWriteAccess();

        return group;
    }

    private static Results<PushStreamHttpResult, ValidationProblem> ExportTicketsAsync(
        [AsParameters] TicketListQuery query, TicketRepository tickets, IOptions<TriageOptions> triage,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var (valid, errors) = (query with { Limit = null, Offset = null }).Validate(triage.Value.ReviewThreshold);
        if (valid is null) return TypedResults.ValidationProblem(errors, title: "The query is invalid.");

        // Set here, not through the result's file name, which would add a filename* parameter the brief's clients don't need.
        response.Headers.ContentDisposition = "attachment; filename=\"tickets.csv\"";
        return TypedResults.Stream(body => WriteAsync(body, tickets.StreamAsync(valid), cancellationToken), "text/csv; charset=utf-8");
    }

    private static async Task WriteAsync(Stream body, IAsyncEnumerable<TicketWithTriage> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await writer.WriteAsync(TicketCsv.Header + TicketCsv.LineEnd);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(TicketCsv.Line(row) + TicketCsv.LineEnd);
            if (++written % RowsPerFlush == 0) await writer.FlushAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }
}
