using Microsoft.AspNetCore.Mvc;
using TicketSense.Api.Errors;
using TicketSense.Core.Data;

namespace TicketSense.Api.Health;

/// <summary>
/// Endpoints over the tickets answer 503 with <c>Retry-After</c> until this process has migrated the database (it may
/// still be migrating, or waiting for a Postgres that was down at start), instead of a 500 on a missing table.
/// </summary>
public static class MigratedDatabaseGate
{
    public static RouteGroupBuilder RequireMigratedDatabase(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            if (context.HttpContext.RequestServices.GetRequiredService<DatabaseState>().IsMigrated) return await next(context);

            return StorageUnavailableProblem.Result(context.HttpContext.Response, new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database is not ready yet.",
                Detail = "The service is preparing its database; nothing was read or written. Try again shortly.",
            });
        });
        return group.ProducesProblem(StatusCodes.Status503ServiceUnavailable);
    }
}
