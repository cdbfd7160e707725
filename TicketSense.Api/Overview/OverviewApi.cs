using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Api.Access;
using TicketSense.Contracts;
using TicketSense.Core.Data;
using TicketSense.Core.Overview;

namespace TicketSense.Api.Overview;

/// <summary><c>/overview</c>: the dashboard's counts (one Redis GET when cached), a forced refresh, a random sample, and the trends.</summary>
public static class OverviewApi
{
    public const int MaxSampleSize = 50;

    public static RouteGroupBuilder MapOverview(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/overview").WithTags("Overview");

        group.MapGet("/", GetAsync)
            .WithName("GetOverview")
            .WithSummary("Ticket counts by priority, category and sentiment")
            .WithDescription("Served from this replica's copy of triage:overview, replaced on every refresh (announced on " +
                "triage:overview:refreshed); on a miss read from Redis (24 h), else computed from Postgres, stored and returned. " +
                "by_* maps count triaged tickets and hold every value; pending counts tickets without a triage.")
            .Produces<OverviewResponse>(contentType: "application/json")
            .RequireReadAccess();

        group.MapPost("/refresh", RefreshAsync)
            .WithName("RefreshOverview")
            .WithSummary("Recompute the overview from Postgres")
            .RequireWriteAccess();

        group.MapGet("/sample", SampleAsync)
            .WithName("SampleTickets")
            .WithSummary("Random triaged tickets")
            .WithDescription($"size 1–{MaxSampleSize} (default 10). Lives under /overview so it can never shadow a ticket whose id is 'sample'.")
            .RequireReadAccess();

        group.MapGet("/trends", TrendsAsync)
            .WithName("GetTrends")
            .WithSummary("Tickets per hour, day or week, by priority, category and sentiment")
            .WithDescription("One point per bucket of received_at in [from, to), empty buckets with zeros: total counts every " +
                "ticket, the by_* maps the triaged ones and hold every value. from and to are ISO 8601 instants with Z or an " +
                "offset (default: to the next whole minute, from 30 days before to); bucket hour, day (default) or week, " +
                $"aligned in UTC, weeks from Monday. from is floored to its bucket's start; at most {TrendWindow.MaxBuckets} buckets. " +
                $"Cached for {TrendQuery.CacheFor.TotalSeconds:0} s per normalised window. 400 names each invalid field.")
            .RequireReadAccess();

        return group;
    }

    /// <summary>The copy's JSON bytes as they are (no serialising, no scope); the service only on a miss.</summary>
    private static async Task<IResult> GetAsync(OverviewCopy copy, HttpContext http, CancellationToken cancellationToken)
    {
        var snapshot = copy.Current ?? await http.RequestServices.GetRequiredService<OverviewService>().GetAsync(cancellationToken);
        return TypedResults.Bytes(snapshot.Json, JsonContentType);
    }

    private const string JsonContentType = "application/json; charset=utf-8";

    private static async Task<Ok<OverviewResponse>> RefreshAsync(OverviewService overview, CancellationToken cancellationToken) =>
        TypedResults.Ok(await overview.RefreshAsync(cancellationToken));

    private static async Task<Results<Ok<TrendsResponse>, ValidationProblem>> TrendsAsync(
        [AsParameters] TrendsRequest request, TrendQuery trends, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (window, errors) = request.Validate(clock.GetUtcNow());
        if (window is null) return TypedResults.ValidationProblem(errors, title: "The query is invalid.");
        return TypedResults.Ok(await trends.GetAsync(window, cancellationToken));
    }

    private static async Task<Results<Ok<TicketResponse[]>, ValidationProblem>> SampleAsync(
        string? size, TicketRepository tickets, CancellationToken cancellationToken)
    {
        var count = 10;
        if (size is { Length: > 0 } && (!int.TryParse(size, out count) || count is < 1 or > MaxSampleSize))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["size"] = [$"must be a whole number between 1 and {MaxSampleSize}."] },
                title: "The query is invalid.");
        }
        var sample = await tickets.SampleTriagedAsync(count, cancellationToken);
        return TypedResults.Ok(sample.Select(s => s.ToResponse()).ToArray());
    }
}
