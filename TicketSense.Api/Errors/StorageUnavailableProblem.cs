using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace TicketSense.Api.Errors;

/// <summary>
/// The 503 for a Postgres that cannot be reached: one answer, whether an exception (<see cref="ApiExceptionHandler"/>)
/// or an endpoint's outcome says so.
/// </summary>
public static class StorageUnavailableProblem
{
    public static ProblemDetails Details() => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = "Storage is unavailable.",
        Detail = "Postgres could not be reached; nothing was written. Try again shortly.",
    };

    /// <summary>The problem as an endpoint's result, with the <c>Retry-After</c> the exception handler also sends.</summary>
    public static ProblemHttpResult Result(HttpResponse response) => Result(response, Details());

    /// <summary>Any 503 an endpoint answers, with the same <c>Retry-After</c>.</summary>
    public static ProblemHttpResult Result(HttpResponse response, ProblemDetails problem)
    {
        response.Headers.RetryAfter = ApiExceptionHandler.RetryAfterSeconds;
        return TypedResults.Problem(problem);
    }
}
