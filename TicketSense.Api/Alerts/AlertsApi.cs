using Microsoft.AspNetCore.Http.HttpResults;
using TicketSense.Api.Access;
using TicketSense.Contracts;
using TicketSense.Core.Alerts;

namespace TicketSense.Api.Alerts;

/// <summary><c>/alerts/deliveries</c>: the webhook outbox, newest first, with the counts by status.</summary>
public static class AlertsApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAlerts(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/alerts").WithTags("Alerts");

        group.MapGet("/deliveries", ListDeliveriesAsync)
            .WithName("ListAlertDeliveries")
            .WithSummary("Webhook deliveries, newest first, and how many are pending, delivered and failed")
            .WithDescription($"limit 1–{MaxLimit} (default {DefaultLimit}); status pending, delivered or failed filters the items " +
                "(the counts are always over every delivery). last_status is the last attempt's HTTP status, or an error kind " +
                "(network, timeout, circuit-open, unknown-endpoint) when there was no answer.")
            .ProducesValidationProblem()
            .RequireReadAccess();

        return group;
    }

    private static async Task<Results<Ok<AlertDeliveryList>, ValidationProblem>> ListDeliveriesAsync(
        AlertOutbox outbox, string? limit, string? status, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var count = DefaultLimit;
        if (limit is { Length: > 0 } && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
            errors["limit"] = [$"must be a whole number between 1 and {MaxLimit}."];
        AlertDeliveryStatus? only = null;
        if (status is { Length: > 0 })
        {
            if (WireNames.TryParse<AlertDeliveryStatus>(status, out var parsed)) only = parsed;
            else errors["status"] = [$"must be one of {string.Join(", ", WireNames.All<AlertDeliveryStatus>())}."];
        }
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var items = await outbox.ListAsync(count, only, cancellationToken);
        return TypedResults.Ok(new AlertDeliveryList(items, await outbox.CountAsync(cancellationToken)));
    }
}
