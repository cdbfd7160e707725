using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TicketSense.Web.Api;

/// <summary>
/// <c>GET /tickets/export.csv</c>: the Api's CSV export with the ticket list's filters, streamed through to the browser
/// as it arrives (the browser never needs the Api's address or key, and no export is held in memory here).
/// </summary>
public static class TicketExportForwarder
{
    public const string Path = "/tickets/export.csv";

    public static IEndpointConventionBuilder MapTicketExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet(Path, ExportAsync).ExcludeFromDescription();

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ExportAsync(
        string? priority, string? category, string? sentiment, string? q,
        TicketSenseApiClient api, HttpResponse response, CancellationToken cancellationToken)
    {
        var upstream = await api.GetTicketsCsvAsync(new TicketFilter(priority, category, sentiment, q, Page: 1), cancellationToken);
        response.RegisterForDispose(upstream);
        if (!upstream.IsSuccessStatusCode)
        {
            // A filter the Api refuses is the browser's mistake; anything else (a refused key, a failure) is the Api's.
            return upstream.StatusCode == HttpStatusCode.BadRequest
                ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The filters are invalid.")
                : TypedResults.Problem(statusCode: StatusCodes.Status502BadGateway, title: $"The Api refused the export ({(int)upstream.StatusCode}).");
        }

        response.Headers.ContentDisposition = upstream.Content.Headers.ContentDisposition?.ToString();
        return TypedResults.Stream(
            await upstream.Content.ReadAsStreamAsync(cancellationToken),
            upstream.Content.Headers.ContentType?.ToString() ?? "text/csv; charset=utf-8");
    }
}
