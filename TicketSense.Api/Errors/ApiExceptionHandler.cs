using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using TicketSense.Core.Data;

namespace TicketSense.Api.Errors;

/// <summary>
/// Turns what a client can cause, or a store being down, into problem details instead of a 500: unreadable JSON →
/// 400 naming the field, a body over the limit → 413, Postgres unreachable → 503 (nothing was half-written: every
/// write is one statement).
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    /// <summary>How long a client told 503 should wait: Postgres restarts, and start-up migration retries, take seconds.</summary>
    public const string RetryAfterSeconds = "5";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = "Tickets are limited to Api:MaxRequestBytes; a ticket body may hold at most 20,000 characters.",
            },
            BadHttpRequestException { InnerException: JsonException json } => InvalidJson(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",
                Detail = bad.Message,
            },
            _ when StorageFailure.IsUnavailable(exception) => StorageUnavailableProblem.Details(),
            _ => null,
        };
        if (problem is null) return false;

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            logger.LogWarning("Answering 503: {Reason}", exception.Message);
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails InvalidJson(JsonException json)
    {
        // "$.received_at" → "received_at"; "$" (the document itself) → "body".
        var field = json.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : "body";
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [field] = [field == "body" ? "must be a JSON object." : "has the wrong JSON type; send a string."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this request.",
        };
    }
}
