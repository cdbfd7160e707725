using Microsoft.AspNetCore.Mvc;
using TicketSense.Api.Access;
using Microsoft.Extensions.Options;
using TicketSense.Contracts;
using TicketSense.Core.Triage;

namespace TicketSense.Api.Info;

/// <summary><c>/info</c>: how this instance triages — never the API key.</summary>
public static class InfoApi
{
    public static RouteHandlerBuilder MapInfo(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/info", ([FromServices] ActiveTriageMode mode, IOptions<TriageOptions> options) =>
            {
                var triage = options.Value;
                return TypedResults.Ok(new InfoResponse(
                    mode.Mode,
                    triage.PrimaryModel,
                    triage.FallbackModel,
                    TriagePrompt.Version));
            })
            .WithTags("System")
            .WithName("GetInfo")
            .WithSummary("Triage mode, models and prompt version")
            .RequireReadAccess();
}
