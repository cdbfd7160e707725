using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TicketSense.Api.Access;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;
using TicketSense.Core.Data;

namespace TicketSense.Api.Alerts;

/// <summary><c>GET /alerts/spikes</c>: the incident spikes, newest first, each marked active until it calms down.</summary>
public static class SpikesApi
{
    public const int MaxSpikes = 100;

    public static RouteHandlerBuilder MapSpikes(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/alerts/spikes", ListAsync)
            .WithTags("Alerts")
            .WithName("ListSpikes")
            .WithSummary("Incident spikes: many tickets of one category sharing a tag within a short window")
            .WithDescription($"Newest first, at most {MaxSpikes}; active=true keeps only those still active (a matching ticket " +
                "arrived within the last Alerts:Spike:Window). Each spike raised one spike alert per webhook.")
            .RequireReadAccess();

    private static async Task<Ok<SpikeList>> ListAsync(
        bool? active, TicketsDbContext db, IOptions<SpikeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var window = options.Value.Window;
        var spikes = db.IncidentSpikes.AsNoTracking();
        if (active == true) spikes = spikes.Where(s => s.LastReceivedAt > now - window);
        var newest = await spikes.OrderByDescending(s => s.DetectedAt).ThenByDescending(s => s.Id).Take(MaxSpikes).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SpikeList([.. newest.Select(s => s.ToResponse(now, window))]));
    }
}
